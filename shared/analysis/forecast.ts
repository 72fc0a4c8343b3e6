import { OUTCOMES, type OutcomeId } from '../outcomes.js';
import type { WorldState } from '../state.js';
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
 */
export function forecast(position: WorldState, n: number, opts: ForecastOptions): Forecast {
  const [start, end] = opts.range ?? [0, n];
  const counts = emptyCounts();
  const remaining = Math.max(0, position.turns - position.turn);
  const leadSum = new Array<number>(remaining).fill(0);
  const leadN = new Array<number>(remaining).fill(0);
  if (position.outcome) {
    counts[position.outcome.id] = end - start;
    return { n: end - start, fromTurn: position.turn, odds: toOdds(counts, end - start), meanLead: [], leadSamples: [] };
  }
  for (let i = start; i < end; i++) {
    const seed = `${opts.seed}|${position.seed}|${position.turn}|${i}`;
    const doctrines = assignDoctrines(seed, opts.doctrine);
    // Each continuation owns a copy of the position and resolves into it.
    let s: WorldState = cloneWorld({ ...position, seed, history: [] });
    while (!s.outcome) {
      s = playQuarter(s, {}, doctrines, QUARTER).state;
      const k = s.turn - position.turn - 1;
      leadSum[k] += s.leadMonths;
      leadN[k] += 1;
    }
    counts[s.outcome.id] += 1;
  }
  const total = end - start;
  return { n: total, fromTurn: position.turn, odds: toOdds(counts, total), meanLead: leadSum.map((x, k) => (leadN[k] ? x / leadN[k] : NaN)), leadSamples: leadN };
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
