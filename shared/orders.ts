import { z } from 'zod';
import { SEATS, type SeatId } from './seats.js';
import { ACTION_BY_ID } from './actions.js';
import type { Order, WorldState } from './state.js';

export const MAX_ORDERS_PER_QUARTER = 8;

export const OrderSchema = z
  .object({
    action: z.string().min(1).max(64),
    intensity: z.number().int().min(1).max(3),
    target: z.enum(SEATS).optional(),
  })
  .strict();

export const OrdersSchema = z.array(OrderSchema).max(MAX_ORDERS_PER_QUARTER);

export type OrderCheck = { accepted: Order[]; errors: string[] };

/**
 * Check a seat's orders against the catalogue and its purse. Each problem is named; a valid prefix
 * of affordable orders is accepted in the order given.
 */
export function validateOrders(state: WorldState, seat: SeatId, orders: readonly Order[]): OrderCheck {
  const accepted: Order[] = [];
  const errors: string[] = [];
  let budget = state.resources[seat];
  const seen = new Set<string>();
  for (const o of orders.slice(0, MAX_ORDERS_PER_QUARTER)) {
    const a = ACTION_BY_ID.get(o.action);
    if (!a) {
      errors.push(`Unknown action "${o.action}".`);
      continue;
    }
    if (a.seat !== seat) {
      errors.push(`"${a.name}" belongs to ${a.seat}, not ${seat}.`);
      continue;
    }
    if (seen.has(a.id)) {
      errors.push(`"${a.name}" was ordered twice; only the first counts.`);
      continue;
    }
    if (!Number.isInteger(o.intensity) || o.intensity < 1 || o.intensity > a.maxIntensity) {
      errors.push(`"${a.name}" takes an intensity from 1 to ${a.maxIntensity}.`);
      continue;
    }
    const cost = a.cost * o.intensity;
    if (cost > budget) {
      errors.push(`"${a.name}" costs ${cost} but only ${budget} is left.`);
      continue;
    }
    budget -= cost;
    seen.add(a.id);
    accepted.push(o.target ? { action: o.action, intensity: o.intensity, target: o.target } : { action: o.action, intensity: o.intensity });
  }
  if (orders.length > MAX_ORDERS_PER_QUARTER) errors.push(`At most ${MAX_ORDERS_PER_QUARTER} orders a quarter.`);
  return { accepted, errors };
}

export function ordersCost(orders: readonly Order[]): number {
  return orders.reduce((t, o) => t + (ACTION_BY_ID.get(o.action)?.cost ?? 0) * o.intensity, 0);
}
