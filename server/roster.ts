import type { SeatId, YouAre } from '../shared/index.js';
import { roomError, type RoomError } from './errors.js';

export type Member = {
  sessionId: string;
  name: string;
  role: 'player' | 'spectator';
  seat: SeatId | null;
  /** False while a seated player's connection is gone and the room waits for them to reconnect. */
  connected: boolean;
};

/**
 * Who is in the room and which seat each person holds. Several members may share a seat (a team);
 * every one of them receives that seat's private view.
 */
export class Roster {
  private readonly members = new Map<string, Member>();
  hostId: string | null = null;

  add(sessionId: string, name: string, role: Member['role']): Member {
    const m: Member = { sessionId, name, role, seat: null, connected: true };
    this.members.set(sessionId, m);
    this.hostId ??= sessionId;
    return m;
  }

  get(sessionId: string): Member | undefined {
    return this.members.get(sessionId);
  }

  /** Drop a member; the host role passes to the longest-present player (or anyone left). */
  remove(sessionId: string): Member | undefined {
    const m = this.members.get(sessionId);
    this.members.delete(sessionId);
    if (this.hostId === sessionId) {
      const rest = [...this.members.values()];
      this.hostId = (rest.find((x) => x.role === 'player') ?? rest[0])?.sessionId ?? null;
    }
    return m;
  }

  holders(seat: SeatId): Member[] {
    return [...this.members.values()].filter((m) => m.seat === seat);
  }

  /** Seats held by a human, connected or awaiting reconnection. */
  humanSeats(): SeatId[] {
    return [...new Set([...this.members.values()].flatMap((m) => (m.seat ? [m.seat] : [])))];
  }

  /** Why `seat` cannot be taken, or null if it can. */
  refuseSeat(seat: SeatId, inPlay: boolean): RoomError | null {
    if (!inPlay) return roomError('seat-not-in-play', `${seat} is not a seat in this scenario; a bot always plays it.`);
    if (this.holders(seat).length > 0) return roomError('seat-taken', `${seat} is already taken.`);
    return null;
  }

  take(sessionId: string, seat: SeatId): void {
    const m = this.members.get(sessionId);
    if (!m) throw new Error(`unknown member ${sessionId}`);
    m.seat = seat;
    m.role = 'player';
  }

  you(sessionId: string): YouAre {
    const m = this.members.get(sessionId);
    if (!m) throw new Error(`unknown member ${sessionId}`);
    return { seat: m.seat, role: m.role, host: this.hostId === sessionId, name: m.name };
  }
}
