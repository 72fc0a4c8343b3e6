import { OUTCOMES, type OutcomeId } from '../outcomes.js';
import type { WorldState } from '../state.js';
import type { BySeat } from '../seats.js';
import type { Scenario } from '../scenario.js';
import { createWorld } from '../world.js';
import { assignDoctrines, playQuarter } from '../match.js';
import type { Doctrine } from '../bots.js';
import { wilson } from './stats.js';
import { cloneWorld } from '../clone.js';

const QUARTER = { record: false, inPlace: true } as const;

export type OutcomeOdds = Record<OutcomeId, { p: number; low: number; high: number; count: number }>;

export type Forecast = {
  /** Continuations run. */
  n: number;
  /** The turn the forecast starts from (quarters already resolved). */
  fromTurn: number;
  odds: OutcomeOdds;
  /** Mean lead in months after each remaining quarter (index 0 = the next quarter). */
  meanLead: number[];
  /** Continuations still running at each remaining quarter (early endings drop out). */
  leadSamples: number[];
};

export type ForecastOptions = {
  /** Names the batch of continuations; the same seed gives the same odds. */
  seed: string;
  /** A doctrine for every bot, or mixed doctrines drawn per continuation. */
  doctrine?: Doctrine;
  /** Continuations [start, end) of the batch, so several workers can share one forecast. */
  range?: [number, number];
};

/**
 * From any position, play `n` continuations with bots in every seat and count the 2028 outcomes.
 * Each continuation re-seeds the world's future so that events, rolls and bots differ between them.
 * The position is taken as it is, hidden draws and all (a match's own opening: its labs' trends).
 */
export function forecast(position: WorldState, n: number, opts: ForecastOptions): Forecast {
  const [start, end] = opts.range ?? [0, n];
  if (position.outcome) {
    const counts = emptyCounts();
    counts[position.outcome.id] = end - start;
    return { n: end - start, fromTurn: position.turn, odds: toOdds(counts, end - start), meanLead: [], leadSamples: [] };
  }
  const tally = new Tally(position.turns - position.turn);
  for (let i = start; i < end; i++) {
    const seed = `${opts.seed}|${position.seed}|${position.turn}|${i}`;
    // Each continuation owns a copy of the position and resolves into it.
    tally.play(cloneWorld({ ...position, seed, history: [] }), assignDoctrines(seed, opts.doctrine));
  }
  return tally.forecast(position.turn);
}

/**
 * The odds of a scenario itself: `n` bot matches, each from an opening of its own, so that what a match's
 * opening draws in secret (whose algorithms improve faster) varies between them as it does between real
 * matches; from one opening instead, the odds would be that opening's. Match i is played from seed
 * `<seed>-<i>`, as `npm run sim` plays it, so the two count the same matches.
 */
export function scenarioForecast(scenario: Scenario, n: number, opts: ForecastOptions): Forecast {
  const [start, end] = opts.range ?? [0, n];
  const tally = new Tally(scenario.turns);
  for (let i = start; i < end; i++) {
    const seed = `${opts.seed}-${i}`;
    tally.play(createWorld(scenario, seed), assignDoctrines(seed, opts.doctrine));
  }
  return tally.forecast(0);
}

/** Outcomes and the lead after each quarter, counted over continuations played to their end. */
class Tally {
  private readonly counts = emptyCounts();
  private readonly leadSum: number[];
  private readonly leadN: number[];
  private n = 0;

  /** `quarters`: how many quarters a continuation may still play. */
  constructor(quarters: number) {
    this.leadSum = new Array<number>(Math.max(0, quarters)).fill(0);
    this.leadN = new Array<number>(Math.max(0, quarters)).fill(0);
  }

  /** Play `world` (which this owns) to its end with bots in every seat. */
  play(world: WorldState, doctrines: BySeat<Doctrine>): void {
    const from = world.turn;
    let s = world;
    while (!s.outcome) {
      s = playQuarter(s, {}, doctrines, QUARTER).state;
      const k = s.turn - from - 1;
      this.leadSum[k] += s.leadMonths;
      this.leadN[k] += 1;
    }
    this.counts[s.outcome.id] += 1;
    this.n += 1;
  }

  forecast(fromTurn: number): Forecast {
    return { n: this.n, fromTurn, odds: toOdds(this.counts, this.n), meanLead: this.leadSum.map((x, k) => (this.leadN[k] ? x / this.leadN[k] : NaN)), leadSamples: this.leadN };
  }
}

/** Combine forecasts of disjoint batches (e.g. from several workers) into one. */
export function mergeForecasts(parts: readonly Forecast[]): Forecast {
  const counts = emptyCounts();
  let n = 0;
  const len = Math.max(0, ...parts.map((p) => p.meanLead.length));
  const leadSum = new Array<number>(len).fill(0);
  const leadN = new Array<number>(len).fill(0);
  for (const part of parts) {
    n += part.n;
    for (const o of OUTCOMES) counts[o] += part.odds[o].count;
    part.meanLead.forEach((x, k) => {
      if (part.leadSamples[k]) {
        leadSum[k] += x * part.leadSamples[k];
        leadN[k] += part.leadSamples[k];
      }
    });
  }
  return { n, fromTurn: parts[0]?.fromTurn ?? 0, odds: toOdds(counts, n), meanLead: leadSum.map((x, k) => (leadN[k] ? x / leadN[k] : NaN)), leadSamples: leadN };
}

function emptyCounts(): Record<OutcomeId, number> {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<OutcomeId, number>;
}

function toOdds(counts: Record<OutcomeId, number>, n: number): OutcomeOdds {
  return Object.fromEntries(OUTCOMES.map((o) => [o, { ...wilson(counts[o], n), count: counts[o] }])) as OutcomeOdds;
}
