import type { DraftMessage, SeatId } from '../../../../shared/index.js';
import { exercise } from '../../net/exercise.js';
import type { AppState } from '../../store.js';

/** The seat's orders for this quarter are in: the server says so, or has just acknowledged them. */
export function seatSubmitted(s: AppState, seat: SeatId): boolean {
  return Boolean(s.match?.seats[seat]?.submitted) || (s.ack !== null && s.ack.turn === s.match?.turn);
}

/** Control has handed the seat to its bot: its people give no orders until Control hands it back. */
export function seatHandedToBot(s: AppState, seat: SeatId): boolean {
  return Boolean(s.match?.seats[seat]?.handedToBot);
}

/** The seat's draft for this quarter as the server last relayed it, while it is still only a draft (not submitted). */
export function openDraft(s: AppState, seat: SeatId): DraftMessage | undefined {
  const d = exercise().drafts[seat];
  return d && d.turn === s.match?.turn && !d.submitted ? d : undefined;
}
