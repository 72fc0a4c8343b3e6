import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import { ROOM_NAME } from '../shared/index.js';
import { RESUME_KEY, type RoomSettings } from './options.js';
import type { MatchStore } from './store/match-store.js';

/** Recreate one stored match in this process under its own code, by replaying its log (see MatchRoom.restore). */
async function resumeMatch(code: string, settings: RoomSettings): Promise<void> {
  const tickets = (settings.resumeTickets ??= new Map());
  const ticket = randomBytes(16).toString('hex');
  tickets.set(ticket, code);
  try {
    // Created locally: the match's log is in this process's store.
    await matchMaker.handleCreateRoom(ROOM_NAME, { [RESUME_KEY]: ticket });
  } finally {
    tickets.delete(ticket);
  }
}

const isLive = async (code: string) => matchMaker.getLocalRoomById(code) !== undefined || (await matchMaker.query({ roomId: code })).length > 0;

/**
 * Recreate every unfinished stored match that was in play (not dormant) in this process. Call once at
 * start, after the room is defined. Returns the codes resumed. With several processes sharing one store,
 * only one of them should call this.
 */
export async function resumeMatches(store: MatchStore, settings: RoomSettings): Promise<string[]> {
  const resumed: string[] = [];
  for (const code of store.unfinished()) {
    // With several processes on one store, another may have resumed it already.
    if (await isLive(code)) continue;
    try {
      await resumeMatch(code, settings);
      resumed.push(code);
    } catch (e) {
      console.error(`could not resume match ${code}:`, e);
    }
  }
  return resumed;
}

/**
 * Joining a dormant match by its code wakes it: before Colyseus handles `POST /matchmake/joinById/<code>`,
 * the match is recreated from the store (once, however many people join at the same moment). Wraps the
 * HTTP server's request listeners present when called.
 */
export function wakeDormantOnJoin(http: HttpServer, store: MatchStore, settings: RoomSettings): void {
  const waking = new Map<string, Promise<void>>();
  const wake = (code: string): Promise<void> => {
    let p = waking.get(code);
    if (!p) {
      p = (async () => {
        if (!store.isDormant(code) || (await isLive(code))) return;
        await resumeMatch(code, settings);
      })()
        .catch((e) => console.error(`could not wake match ${code}:`, e))
        .finally(() => waking.delete(code));
      waking.set(code, p);
    }
    return p;
  };
  const inner = http.listeners('request').slice() as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const pass = () => {
      for (const listener of inner) listener.call(http, req, res);
    };
    const code = req.method === 'POST' ? joinByIdCode(req.url ?? '') : undefined;
    // The body waits in the request stream (nothing reads it) until Colyseus's listener does.
    if (code) void wake(code).then(pass);
    else pass();
  });
}

/** The room code in /matchmake/joinById/<code> (also under a path prefix), else undefined. */
function joinByIdCode(url: string): string | undefined {
  const parts = url.split('?')[0].split('/');
  const i = parts.indexOf(matchMaker.controller.matchmakeRoute);
  if (i < 0 || parts[i + 1] !== 'joinById') return undefined;
  const code = decodeURIComponent(parts[i + 2] ?? '');
  return /^[A-Za-z0-9]{1,32}$/.test(code) ? code : undefined;
}
