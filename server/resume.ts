import { randomBytes } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import { ROOM_NAME } from '../shared/index.js';
import { RESUME_KEY, type RoomSettings } from './options.js';
import type { MatchStore } from './store/match-store.js';

/**
 * Recreate every unfinished stored match in this process, each under its own code, by replaying its
 * log (see MatchRoom.restore). Call once at start, after the room is defined. Returns the codes resumed.
 * With several processes sharing one store, only one of them should call this.
 */
export async function resumeMatches(store: MatchStore, settings: RoomSettings): Promise<string[]> {
  const tickets = (settings.resumeTickets ??= new Map());
  const resumed: string[] = [];
  for (const code of store.unfinished()) {
    // With several processes on one store, another may have resumed it already.
    if ((await matchMaker.query({ roomId: code })).length > 0) continue;
    const ticket = randomBytes(16).toString('hex');
    tickets.set(ticket, code);
    try {
      // Created locally: the match's log is in this process's store.
      await matchMaker.handleCreateRoom(ROOM_NAME, { [RESUME_KEY]: ticket });
      resumed.push(code);
    } catch (e) {
      console.error(`could not resume match ${code}:`, e);
    } finally {
      tickets.delete(ticket);
    }
  }
  return resumed;
}
