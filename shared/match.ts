import { SEATS, type BySeat, type SeatId } from './seats.js';
import type { Scenario } from './scenario.js';
import type { SeatOrders, WorldState } from './state.js';
import { createWorld } from './world.js';
import { resolveQuarter, type ResolveOptions } from './resolve.js';
import { botOrders, DOCTRINES, type Doctrine } from './bots.js';
import { rngFor } from './rng.js';

/** A doctrine for each seat, drawn from the seed so a match's bots are reproducible. */
export function assignDoctrines(seed: string, fixed?: Doctrine): BySeat<Doctrine> {
  const rng = rngFor(seed, 0, 'doctrines');
  return Object.fromEntries(SEATS.map((s) => [s, fixed ?? DOCTRINES[Math.floor(rng() * DOCTRINES.length)]])) as BySeat<Doctrine>;
}

/** Fill every seat without orders with its bot's orders. */
export function completeOrders(state: WorldState, given: Partial<BySeat<SeatOrders>>, doctrines: BySeat<Doctrine>): BySeat<SeatOrders> {
  return Object.fromEntries(SEATS.map((s: SeatId) => [s, given[s] ?? botOrders(state, s, doctrines[s])])) as BySeat<SeatOrders>;
}

/** Play a whole match with bots in every seat (for tests, the CLI and forecasts). */
export function playBotMatch(scenario: Scenario, seed: string, opts: ResolveOptions & { doctrine?: Doctrine } = {}): WorldState {
  let state = createWorld(scenario, seed);
  const doctrines = assignDoctrines(seed, opts.doctrine);
  while (!state.outcome) {
    state = resolveQuarter(state, completeOrders(state, {}, doctrines), opts).state;
  }
  return state;
}
