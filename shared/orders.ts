import { z } from 'zod';
import { SEATS, SEAT_INFO, type SeatId } from './seats.js';
import { ACTION_BY_ID } from './actions.js';
import { AGREEMENT_MENU } from './agreements.js';
import type { Order, WorldState } from './state.js';

export const MAX_ORDERS_PER_QUARTER = 8;

/**
 * The order that signs an agreement from the menu: `{ action: 'sign-agreement', intensity: 1, agreement: kind }`.
 * Any eligible seat may give it; the agreement is signed at resolution when the seats signing it this
 * quarter include every required party (and enough parties), and cooperation is high enough. It costs
 * nothing to order; each party pays the agreement's signing cost when it is signed.
 */
export const SIGN_ACTION = 'sign-agreement';

export const OrderSchema = z
  .object({
    action: z.string().min(1).max(64),
    intensity: z.number().int().min(1).max(3),
    target: z.enum(SEATS).optional(),
    agreement: z.string().regex(/^[a-z0-9-]+$/).max(64).optional(),
  })
  .strict();

export const OrdersSchema = z.array(OrderSchema).max(MAX_ORDERS_PER_QUARTER);

export type OrderCheck = { accepted: Order[]; errors: string[] };

/** A sign order for an agreement kind. */
export function signOrder(kind: string): Order {
  return { action: SIGN_ACTION, intensity: 1, agreement: kind };
}

/** What makes an order the same order as another in a seat's quarter: its action, or the agreement it signs. */
export function orderKey(o: Pick<Order, 'action' | 'agreement'>): string {
  return o.action === SIGN_ACTION ? `${SIGN_ACTION}:${o.agreement ?? ''}` : o.action;
}

/** An order's name in words: the action's name, or "Offer to sign the Chip-tracking pact" for a signature (it is signed only if every party offers). */
export function orderName(o: Pick<Order, 'action' | 'agreement'>): string {
  if (o.action === SIGN_ACTION) return `Offer to sign the ${AGREEMENT_MENU[o.agreement ?? '']?.title ?? o.agreement ?? 'agreement'}`;
  return ACTION_BY_ID.get(o.action)?.name ?? o.action;
}

/**
 * Check a seat's orders against the catalogue and its purse (it reads only `state.resources`). Each
 * problem is named; a valid prefix of affordable orders is accepted in the order given.
 */
export function validateOrders(state: WorldState, seat: SeatId, orders: readonly Order[]): OrderCheck {
  const accepted: Order[] = [];
  const errors: string[] = [];
  let budget = state.resources[seat];
  // Action ids (and sign-agreement:<kind>) already accepted: at most eight, so a list.
  const seen: string[] = [];
  const count = Math.min(orders.length, MAX_ORDERS_PER_QUARTER);
  for (let i = 0; i < count; i++) {
    const o = orders[i];
    if (o.action === SIGN_ACTION) {
      const terms = o.agreement ? AGREEMENT_MENU[o.agreement] : undefined;
      if (!terms) {
        errors.push(`Unknown agreement "${o.agreement ?? ''}".`);
        continue;
      }
      if (!terms.eligibleParties.includes(seat)) {
        errors.push(`${SEAT_INFO[seat].short} cannot sign the ${terms.title}.`);
        continue;
      }
      const key = orderKey({ action: SIGN_ACTION, agreement: terms.id });
      if (seen.includes(key)) {
        errors.push(`"${terms.title}" was signed twice; only the first counts.`);
        continue;
      }
      seen.push(key);
      accepted.push({ action: SIGN_ACTION, intensity: 1, agreement: terms.id });
      continue;
    }
    const a = ACTION_BY_ID.get(o.action);
    if (!a) {
      errors.push(`Unknown action "${o.action}".`);
      continue;
    }
    if (a.seat !== seat) {
      errors.push(`"${a.name}" belongs to ${SEAT_INFO[a.seat].short}, not ${SEAT_INFO[seat].short}.`);
      continue;
    }
    if (seen.includes(a.id)) {
      errors.push(`"${a.name}" was ordered twice; only the first counts.`);
      continue;
    }
    if (!Number.isInteger(o.intensity) || o.intensity < 1 || o.intensity > a.maxIntensity) {
      errors.push(`"${a.name}" takes an intensity from 1 to ${a.maxIntensity}.`);
      continue;
    }
    const cost = a.cost * o.intensity;
    if (cost > budget) {
      errors.push(budget === state.resources[seat] ? `"${a.name}" costs ${cost}, more than the ${budget} available.` : `"${a.name}" costs ${cost}, but only ${budget} is left after the orders above it.`);
      continue;
    }
    budget -= cost;
    seen.push(a.id);
    accepted.push(o.target ? { action: o.action, intensity: o.intensity, target: o.target } : { action: o.action, intensity: o.intensity });
  }
  if (orders.length > MAX_ORDERS_PER_QUARTER) errors.push(`At most ${MAX_ORDERS_PER_QUARTER} orders a quarter.`);
  return { accepted, errors };
}

export function ordersCost(orders: readonly Order[]): number {
  return orders.reduce((t, o) => t + (ACTION_BY_ID.get(o.action)?.cost ?? 0) * o.intensity, 0);
}
