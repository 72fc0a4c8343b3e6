import { OUTCOMES, type OutcomeId } from '../outcomes.js';
import { PARAM_KEYS, paramFigure, type ParamKey, type Scenario } from '../scenario.js';
import { scenarioForecast, type Forecast, type OutcomeOdds } from './forecast.js';
import { differenceMargin } from './stats.js';

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
  /** The outcome whose probability moved most (the first outcome when none moved). */
  mostMoved: OutcomeId;
  /** The 95% margin of that outcome's move at this many matches per end (`differenceMargin`): a swing no larger could be chance. */
  margin: number;
};

export type Sensitivity = { scenarioId: string; matches: number; baseline: OutcomeOdds; rows: SensitivityRow[] };

/** One forecast a sensitivity needs: the scenario as it stands (`key` null), or with one parameter at one end of its sourced range. */
export type SensitivityCase = { key: ParamKey | null; value: number; scenario: Scenario };

/**
 * The scenarios a sensitivity forecasts (`sensitivityForecast`), in order: the baseline, then the low and
 * the high end of each parameter in `keys` that has a sourced range. The figure is changed in the scenario
 * itself, so what a match's opening derives from it (incomes, inflows, the PRC lab's offset) follows.
 */
export function sensitivityCases(scenario: Scenario, keys: readonly ParamKey[] = PARAM_KEYS): SensitivityCase[] {
  const at = (key: ParamKey | null, value: number): SensitivityCase => ({
    key,
    value,
    scenario: key ? { ...scenario, params: { ...scenario.params, [key]: { ...paramFigure(scenario, key), value } } } : scenario,
  });
  const cases = [at(null, 0)];
  for (const key of keys) {
    const range = scenario.params[key].range;
    if (range) cases.push(at(key, range[0]), at(key, range[1]));
  }
  return cases;
}

/** The tornado's rows from each case's odds (`odds[i]` forecast from `cases[i]`), largest swing first. */
export function sensitivityOf(scenario: Scenario, matches: number, cases: readonly SensitivityCase[], odds: readonly OutcomeOdds[]): Sensitivity {
  if (odds.length !== cases.length) throw new Error(`sensitivity: ${cases.length} cases but ${odds.length} forecasts`);
  const rows: SensitivityRow[] = [];
  for (let i = 1; i + 1 < cases.length; i += 2) {
    const key = cases[i].key as ParamKey;
    const fig = scenario.params[key];
    const oddsLow = odds[i];
    const oddsHigh = odds[i + 1];
    let swing = 0;
    let mostMoved: OutcomeId = OUTCOMES[0];
    for (const o of OUTCOMES) {
      const d = Math.abs(oddsHigh[o].p - oddsLow[o].p);
      if (d > swing) (swing = d), (mostMoved = o);
    }
    const margin = differenceMargin(oddsLow[mostMoved].p, oddsHigh[mostMoved].p, matches);
    rows.push({ param: key, source: fig.source, base: fig.value, low: cases[i].value, high: cases[i + 1].value, oddsLow, oddsHigh, swing, mostMoved, margin });
  }
  rows.sort((a, b) => b.swing - a.swing || (a.param < b.param ? -1 : 1));
  return { scenarioId: scenario.id, matches, baseline: odds[0], rows };
}

/**
 * Vary each parameter that has a sourced range to the ends of that range, all else equal, and
 * rank parameters by how far they move the outcome odds of the scenario's matches (the data of a tornado
 * chart), on this thread.
 * The server's worker pool runs the same cases on every core (`ForecastPool.sensitivity`).
 */
export function sensitivity(scenario: Scenario, matches: number, seed: string, keys: readonly ParamKey[] = PARAM_KEYS): Sensitivity {
  const cases = sensitivityCases(scenario, keys);
  return sensitivityOf(scenario, matches, cases, cases.map((c) => sensitivityForecast(c, matches, seed).odds));
}

/**
 * One case's odds: `matches` bot matches of its scenario, each from an opening of its own. The same seeds
 * at every case, so a match differs between the two ends of a range only by the parameter.
 */
export function sensitivityForecast(c: SensitivityCase, matches: number, seed: string, range?: [number, number]): Forecast {
  return scenarioForecast(c.scenario, matches, { seed: `${seed}|sensitivity`, range });
}
