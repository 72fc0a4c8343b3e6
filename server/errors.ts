import type { ServerError } from '../shared/index.js';

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
  | 'not-facilitator'
  | 'channel-forbidden'
  | 'not-party'
  | 'handed-to-bot'
  | 'refused'
  | 'internal';

export type RoomError = ServerError & { code: ErrorCode };

export function roomError(code: ErrorCode, message: string, ref?: string): RoomError {
  return ref === undefined ? { code, message } : { code, message, ref };
}

/** Zod issues as one readable line: "orders.0.intensity: Too big…; seat: Invalid option". */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`).join('; ');
}
