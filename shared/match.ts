import { SEATS, bySeat, type BySeat } from './seats.js';
import type { Scenario } from './scenario.js';
import type { SeatOrders, WorldState } from './state.js';
import { createWorld, type CreateWorldOptions } from './world.js';
import { resolveQuarter, type Resolution, type ResolveOptions } from './resolve.js';
import { botQuarter, botOrders, DOCTRINES, type BotQuarter, type Doctrine } from './bots.js';
import { botNegotiate, proposalOrders } from './negotiation.js';
import { rngFor, STREAM } from './rng.js';

/** A doctrine for each seat, drawn from the seed so a match's bots are reproducible. */
export function assignDoctrines(seed: string, fixed?: Doctrine): BySeat<Doctrine> {
  const rng = rngFor(seed, 0, 'doctrines');
  return bySeat(() => fixed ?? DOCTRINES[Math.floor(rng() * DOCTRINES.length)]);
}

/**
 * The streams one quarter of an all-bot match opens: the bots' (a block per seat) and the resolution's
 * (the world's draws, then detection's). Accepting a proposal opens one more per acceptance.
 */
export function quarterStreams(): string[] {
  return [STREAM.bots, STREAM.resolution];
}

/**
 * Fill every seat without orders with its bot's orders, and add to each seat the sign orders it owes
 * for proposals it accepted during negotiation (see negotiation.ts).
 */
export function completeOrders(state: WorldState, given: Partial<BySeat<SeatOrders>>, doctrines: BySeat<Doctrine>): BySeat<SeatOrders> {
  // What the quarter's bots read alike (their stream among it), worked out only if a seat needs its bot.
  let quarter: BotQuarter | null = null;
  return bySeat((seat) => {
    const base = given[seat] ?? botOrders(state, seat, doctrines[seat], (quarter ??= botQuarter(state)));
    if (state.proposals.length === 0) return base;
    const owed = proposalOrders(state, seat).filter((o) => !base.some((b) => b.agreement === o.agreement));
    return owed.length ? [...base, ...owed] : base;
  });
}

/**
 * One quarter with bots in every seat without given orders: the bots negotiate (propose and answer
 * agreements), then every missing seat gets its bot's orders, then the quarter resolves.
 */
export function playQuarter(state: WorldState, given: Partial<BySeat<SeatOrders>>, doctrines: BySeat<Doctrine>, opts: ResolveOptions = {}): Resolution {
  const negotiated = negotiateQuarter(state, given, doctrines);
  const orders = completeOrders(negotiated, given, doctrines);
  // With no proposals open, a seat without given orders has exactly its bot's orders.
  const botMade = negotiated.proposals.length > 0 ? undefined : isEmpty(given) ? ALL_BOTS : bySeat((seat) => given[seat] === undefined);
  return resolveQuarter(negotiated, orders, opts, botMade);
}

const ALL_BOTS: BySeat<boolean> = bySeat(() => true);

function isEmpty(given: object): boolean {
  for (const _ in given) return false;
  return true;
}

/** The position a quarter resolves from: the bots of seats without given orders have answered the open proposals. */
export function negotiateQuarter(state: WorldState, given: Partial<BySeat<SeatOrders>>, doctrines: BySeat<Doctrine>): WorldState {
  return state.proposals.length ? botNegotiate(state, doctrines, SEATS.filter((s) => given[s] === undefined)) : state;
}

export type BotMatchOptions = ResolveOptions & CreateWorldOptions & {
  /** One doctrine for every bot; mixed doctrines drawn from the seed otherwise. */
  doctrine?: Doctrine;
  /** Doctrines per seat (overrides `doctrine`). */
  doctrines?: Partial<BySeat<Doctrine>>;
};

/** Play a whole match with bots in every seat (for tests, the CLI and forecasts). */
export function playBotMatch(scenario: Scenario, seed: string, opts: BotMatchOptions = {}): WorldState {
  let state = createWorld(scenario, seed, opts);
  const doctrines = { ...assignDoctrines(seed, opts.doctrine), ...opts.doctrines };
  // The match owns its world, so each quarter resolves into it.
  const quarter = { ...opts, inPlace: true };
  while (!state.outcome) state = playQuarter(state, {}, doctrines, quarter).state;
  return state;
}
