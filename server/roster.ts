import { type Doctrine, type Role, type SeatId, type YouAre } from '../shared/index.js';
import { seatNotInPlay, type RoomError } from './errors.js';

export type Member = {
  sessionId: string;
  name: string;
  role: Role;
  seat: SeatId | null;
  /** False while the member's connection is gone and the room waits for them to reconnect. */
  connected: boolean;
};

/**
 * Who is in the room and which seat each person holds. Several members may share a seat (a team);
 * every one of them receives that seat's private view. Not persisted: after a restart people join again.
 *
 * The host starts the match. In a facilitated match every facilitator is host and no player is; otherwise
 * the first member to join is, and the role passes to the longest-present player when they leave.
 */
export class Roster {
  private readonly members = new Map<string, Member>();
  private firstId: string | null = null;

  constructor(readonly facilitated = false) {}

  /** A newcomer whose name a connected member already has gets a number after it ("Player 2"), so the log and the seats tell people apart. */
  add(sessionId: string, name: string, role: Role): Member {
    const m: Member = { sessionId, name: this.unusedName(name), role, seat: null, connected: true };
    this.members.set(sessionId, m);
    if (!this.facilitated) this.firstId ??= sessionId;
    return m;
  }

  /**
   * `name`, or `name 2`, `name 3`… (cut to fit 40 characters), whichever no connected member has. A member
   * whose connection dropped keeps a name free: it is likely the same person joining again.
   */
  private unusedName(name: string): string {
    const taken = new Set(this.all().filter((m) => m.connected).map((m) => m.name.toLocaleLowerCase()));
    if (!taken.has(name.toLocaleLowerCase())) return name;
    for (let n = 2; ; n++) {
      const suffix = ` ${n}`;
      const candidate = name.slice(0, 40 - suffix.length).trimEnd() + suffix;
      if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
    }
  }

  get(sessionId: string): Member | undefined {
    return this.members.get(sessionId);
  }

  all(): Member[] {
    return [...this.members.values()];
  }

  isHost(sessionId: string): boolean {
    if (this.facilitated) return this.members.get(sessionId)?.role === 'facilitator';
    return this.firstId === sessionId;
  }

  /** The sessions that are host (several in a facilitated match). */
  hosts(): string[] {
    return this.all()
      .filter((m) => this.isHost(m.sessionId))
      .map((m) => m.sessionId);
  }

  /** Drop a member; in an unfacilitated match the host role passes to the longest-present player (or anyone left). */
  remove(sessionId: string): Member | undefined {
    const m = this.members.get(sessionId);
    this.members.delete(sessionId);
    if (this.firstId === sessionId) {
      const rest = this.all();
      this.firstId = (rest.find((x) => x.role === 'player') ?? rest[0])?.sessionId ?? null;
    }
    return m;
  }

  holders(seat: SeatId): Member[] {
    return this.all().filter((m) => m.seat === seat);
  }

  facilitators(): Member[] {
    return this.all().filter((m) => m.role === 'facilitator');
  }

  /** Seats held by a human, connected or awaiting reconnection. */
  humanSeats(): SeatId[] {
    return [...new Set(this.all().flatMap((m) => (m.seat ? [m.seat] : [])))];
  }

  /** Why `seat` cannot be taken, or null if it can. A seat already held can be joined as a teammate. */
  refuseSeat(seat: SeatId, inPlay: boolean): RoomError | null {
    if (!inPlay) return seatNotInPlay(seat);
    return null;
  }

  take(sessionId: string, seat: SeatId): void {
    const m = this.members.get(sessionId);
    if (!m) throw new Error(`unknown member ${sessionId}`);
    if (m.role === 'facilitator') throw new Error('the facilitator cannot take a seat');
    m.seat = seat;
    m.role = 'player';
  }

  you(sessionId: string, facilitatorKey?: string, botDoctrine?: Doctrine): YouAre {
    const m = this.members.get(sessionId);
    if (!m) throw new Error(`unknown member ${sessionId}`);
    const you: YouAre = { seat: m.seat, role: m.role, host: this.isHost(sessionId), name: m.name };
    // The key goes to facilitators only.
    if (m.role === 'facilitator' && facilitatorKey) you.facilitatorKey = facilitatorKey;
    // So is how the bots play: Control's scenario odds on its own computer play the match's bots.
    if (m.role === 'facilitator' && botDoctrine) you.botDoctrine = botDoctrine;
    return you;
  }
}
