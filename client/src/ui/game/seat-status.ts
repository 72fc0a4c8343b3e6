import type { SeatId } from '../../../../shared/index.js';
import type { AppState } from '../../store.js';

/** The seat's orders for this quarter are in: the server says so, or has just acknowledged them. */
export function seatSubmitted(s: AppState, seat: SeatId): boolean {
  return Boolean(s.match?.seats[seat]?.submitted) || (s.ack !== null && s.ack.turn === s.match?.turn);
}

/** Control has handed the seat to its bot: its people give no orders until Control hands it back. */
export function seatHandedToBot(s: AppState, seat: SeatId): boolean {
  return Boolean(s.match?.seats[seat]?.handedToBot);
}
