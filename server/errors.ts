import { SEAT_INFO, type SeatId, type ServerError } from '../shared/index.js';

/** Codes of the `error` message; the client may branch on them, people read the message. */
export type ErrorCode =
  | 'bad-request'
  | 'unknown-message'
  | 'too-large'
  | 'rate-limited'
  | 'not-host'
  | 'not-seated'
  | 'spectator'
  | 'forged-seat'
  | 'already-seated'
  | 'seat-taken'
  | 'seat-not-in-play'
  | 'wrong-phase'
  | 'wrong-turn'
  | 'already-submitted'
  | 'invalid-orders'
  | 'no-players'
  /** A `control:*` message from someone who is not the facilitator. */
  | 'not-facilitator'
  /** A chat post in a channel the sender may not post in. */
  | 'channel-forbidden'
  /** An answer to a proposal from a seat it does not name. */
  | 'not-party'
  /** Orders from a seat Control has handed to its bot. */
  | 'handed-to-bot'
  /** Well-formed, but the rules say no (the message says why): an agreement the terms or cooperation forbid, an unknown event, a figure out of range. */
  | 'refused'
  | 'forecast-closed'
  | 'busy'
  | 'internal';

export type RoomError = ServerError & { code: ErrorCode };

export function roomError(code: ErrorCode, message: string, ref?: string): RoomError {
  return ref === undefined ? { code, message } : { code, message, ref };
}

/** Zod issues as one readable line: "orders.0.intensity: Too big…; seat: Invalid option". */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`).join('; ');
}

/** A seat the scenario leaves to its bot: nobody may take it or hand it over. */
export function seatNotInPlay(seat: SeatId): RoomError {
  return roomError('seat-not-in-play', `${SEAT_INFO[seat].short} is not a seat in this scenario; a bot always plays it.`);
}
