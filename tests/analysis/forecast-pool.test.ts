import { afterAll, describe, expect, it } from 'vitest';
import { builtinScenario, createWorld, OUTCOMES } from '../../shared/index.js';
import { forecast, scenarioForecast, sensitivity } from '../../shared/analysis/index.js';
import { ForecastPool } from '../../server/analysis/forecast-pool.js';

const pool = new ForecastPool(2);
afterAll(() => pool.close());

describe('forecast worker pool', () => {
  it('gives exactly the single-thread forecast, split over worker threads', async () => {
    const start = createWorld(builtinScenario('baseline')!, 'pool');
    const threaded = await pool.forecast(start, 200, { seed: 'p' });
    const single = forecast(start, 200, { seed: 'p' });
    for (const o of OUTCOMES) expect(threaded.odds[o].count).toBe(single.odds[o].count);
    threaded.meanLead.forEach((x, k) => expect(x).toBeCloseTo(single.meanLead[k], 9));
  });

  it('gives exactly the single-thread odds of a scenario itself', async () => {
    const scenario = builtinScenario('cooperation-track')!;
    const threaded = await pool.scenarioForecast(scenario, 120, { seed: 'ps' });
    const single = scenarioForecast(scenario, 120, { seed: 'ps' });
    expect(threaded.odds).toEqual(single.odds);
    threaded.meanLead.forEach((x, k) => expect(x).toBeCloseTo(single.meanLead[k], 9));
  });

  it('gives exactly the single-thread sensitivity, its forecasts dealt out to the worker threads', async () => {
    const scenario = builtinScenario('baseline')!;
    const keys = ['distillationRate', 'followerRate', 'botLatitude'] as const;
    const heard: [number, number][] = [];
    const threaded = await pool.sensitivity(scenario, 60, 'ps', keys, (done, total) => heard.push([done, total]));
    expect(threaded).toEqual(sensitivity(scenario, 60, 'ps', keys));
    // The baseline and both ends of each range: seven forecasts, each heard once as it finished.
    expect(heard).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((k) => [k, 7]));
    expect(threaded.rows.some((r) => r.swing > 0)).toBe(true);
  });

  it('fails the jobs still waiting when it is closed, so nothing waits for ever', async () => {
    const own = new ForecastPool(1);
    const waiting = own.forecast(createWorld(builtinScenario('baseline')!, 'closing'), 4000, { seed: 'c' });
    // Heard before the pool closes, as a caller awaiting it would.
    const failed = expect(waiting).rejects.toThrow('the forecast pool was closed');
    await own.close();
    await failed;
    // Asked for after it closed, a forecast fails at once rather than waiting on a stopped worker.
    await expect(own.forecast(createWorld(builtinScenario('baseline')!, 'closed'), 4000, { seed: 'c' })).rejects.toThrow('the forecast pool was closed');
  });

  it('reports a positive throughput and refuses an unknown scenario', async () => {
    expect(await pool.throughput('baseline', 20, 't')).toBeGreaterThan(0);
    await expect(pool.throughput('no-such-scenario', 1, 't')).rejects.toThrow(/unknown scenario/);
  });
});
