import { ACTIONS, type ActionDef } from './actions.js';
import type { SeatId } from './seats.js';
import type { Order, WorldState } from './state.js';
import { rngFor } from './rng.js';
import { LEVER_BY_ID } from './levers.js';

export const DOCTRINES = ['hawk', 'dove', 'opportunist'] as const;
export type Doctrine = (typeof DOCTRINES)[number];

/** How much each doctrine values each kind of action (by the action's tags). */
export const DOCTRINE_WEIGHTS: Record<Doctrine, Record<string, number>> = {
  hawk: { restrict: 3, enforce: 3, protect: 2.5, build: 2, covert: 3, evade: 3, retaliate: 1.5, coerce: 1.2, deter: 2, adopt: 1.5, cooperate: 0.15, safety: 0.4, trade: 0.1, open: 0.6, intel: 1.2 },
  dove: { restrict: 0.6, enforce: 0.8, protect: 1.2, build: 1.5, covert: 0.3, evade: 0.3, retaliate: 0.05, coerce: 0.05, deter: 0.4, adopt: 1.5, cooperate: 3, safety: 2.5, trade: 1.2, open: 1, intel: 0.6 },
  opportunist: { restrict: 1.2, enforce: 1.2, protect: 1.5, build: 2.5, covert: 1.8, evade: 1.8, retaliate: 0.6, coerce: 0.5, deter: 1, adopt: 2.5, cooperate: 1, safety: 0.8, trade: 2, open: 1.5, intel: 1 },
};

function weight(a: ActionDef, doctrine: Doctrine, state: WorldState): number {
  const w = DOCTRINE_WEIGHTS[doctrine];
  let score = a.tags.reduce((acc, t) => acc + (w[t] ?? 1), 0) / Math.max(1, a.tags.length);
  // A policy already at its ceiling (or floor) is not worth ordering again.
  for (const e of a.effects) {
    if (!('lever' in e)) continue;
    const def = LEVER_BY_ID[e.lever];
    if (def.kind !== 'policy') continue;
    const now = state.levers[a.seat][e.lever] ?? 0;
    if ((e.delta > 0 && now >= 0.95) || (e.delta < 0 && now <= 0.05)) score *= 0.05;
  }
  return score;
}

/** A bot's orders for one seat: doctrine-weighted picks within the seat's resources, seeded per turn. */
export function botOrders(state: WorldState, seat: SeatId, doctrine: Doctrine): Order[] {
  const rng = rngFor(state.seed, state.turn + 1, `bot:${seat}:${doctrine}`);
  const options = ACTIONS.filter((a) => a.seat === seat)
    .map((a) => ({ a, score: weight(a, doctrine, state) * (0.4 + rng()) }))
    .sort((x, y) => y.score - x.score || (x.a.id < y.a.id ? -1 : 1));
  let budget = state.resources[seat];
  const orders: Order[] = [];
  const moved = new Map<string, number>();
  for (const { a, score } of options) {
    if (score < 0.5 || orders.length >= 5) continue;
    // Never pull the same lever both ways in one quarter.
    if (a.effects.some((e) => 'lever' in e && (moved.get(e.lever) ?? 0) * e.delta < 0)) continue;
    const maxAffordable = a.cost === 0 ? a.maxIntensity : Math.min(a.maxIntensity, Math.floor(budget / a.cost));
    if (maxAffordable < 1) continue;
    const intensity = Math.max(1, Math.min(maxAffordable, 1 + Math.floor(rng() * maxAffordable)));
    orders.push({ action: a.id, intensity });
    budget -= a.cost * intensity;
    for (const e of a.effects) if ('lever' in e) moved.set(e.lever, e.delta);
  }
  return orders;
}
