import { describeIssues, roomError, type ErrorCode, type RoomError } from './errors.js';
import type { Entry } from './match-log.js';

/** A decided message: the log entry to store, or why it is refused (and nothing changes). */
export type Decision = { ok: true; entry: Entry } | { ok: false; error: RoomError };

export const accept = (entry: Entry): Decision => ({ ok: true, entry });
export const refuse = (code: ErrorCode, message: string): Decision => ({ ok: false, error: roomError(code, message) });
export const malformed = (what: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): Decision =>
  refuse('bad-request', `Malformed ${what}: ${describeIssues(issues)}`);
