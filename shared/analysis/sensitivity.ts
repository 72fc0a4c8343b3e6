import { OUTCOMES, type OutcomeId } from '../outcomes.js';
import { PARAM_KEYS, paramsOf, type ParamKey, type Scenario } from '../scenario.js';
import { createWorld } from '../world.js';
import { forecast, type OutcomeOdds } from './forecast.js';

export type SensitivityRow = {
  param: ParamKey;
  source: string;
  base: number;
  low: number;
  high: number;
  oddsLow: OutcomeOdds;
  oddsHigh: OutcomeOdds;
  /** Largest change in any outcome's probability between the low and the high end of the range. */
  swing: number;
  /** The outcome whose probability moved most. */
  mostMoved: OutcomeId;
};

export type Sensitivity = { scenarioId: string; matches: number; baseline: OutcomeOdds; rows: SensitivityRow[] };

/**
 * Vary each parameter that has a sourced range to the ends of that range, all else equal, and
 * rank parameters by how far they move the outcome odds (the data of a tornado chart).
 * The same continuation seeds are used at both ends, so differences come from the parameter.
 */
export function sensitivity(scenario: Scenario, matches: number, seed: string, keys: readonly ParamKey[] = PARAM_KEYS): Sensitivity {
  const params = paramsOf(scenario);
  const at = (key: ParamKey | null, value: number) => {
    const world = createWorld(scenario, `${seed}|sensitivity`);
    if (key) world.params = { ...params, [key]: value };
    return forecast(world, matches, { seed }).odds;
  };
  const baseline = at(null, 0);
  const rows: SensitivityRow[] = [];
  for (const key of keys) {
    const fig = scenario.params[key];
    if (!fig.range) continue;
    const [low, high] = fig.range;
    const oddsLow = at(key, low);
    const oddsHigh = at(key, high);
    let swing = 0;
    let mostMoved: OutcomeId = OUTCOMES[0];
    for (const o of OUTCOMES) {
      const d = Math.abs(oddsHigh[o].p - oddsLow[o].p);
      if (d > swing) (swing = d), (mostMoved = o);
    }
    rows.push({ param: key, source: fig.source, base: fig.value, low, high, oddsLow, oddsHigh, swing, mostMoved });
  }
  rows.sort((a, b) => b.swing - a.swing || (a.param < b.param ? -1 : 1));
  return { scenarioId: scenario.id, matches, baseline, rows };
}
