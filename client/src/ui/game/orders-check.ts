import { SEATS, validateOrders, type Order, type OrderCheck, type SeatId, type WorldState } from '../../../../shared/index.js';

/** The form's own check of its orders: validateOrders only reads the seat's purse, so it is given just that. */
export function checkOrders(seat: SeatId, resources: number, orders: Order[]): OrderCheck {
  const purse = { resources: Object.fromEntries(SEATS.map((s) => [s, s === seat ? resources : 0])) } as unknown as WorldState;
  return validateOrders(purse, seat, orders);
}

/**
 * What the form may share as the seat's draft: its orders when the form shows no problems, else null.
 * A form the check already faults (too many orders, over budget) is not sent, so the server keeps the
 * seat's last valid draft (the one that goes in if the phase closes before anyone submits).
 */
export function shareableDraft(seat: SeatId, resources: number, orders: Order[]): Order[] | null {
  return checkOrders(seat, resources, orders).errors.length === 0 ? orders : null;
}
