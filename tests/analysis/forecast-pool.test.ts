import { afterAll, describe, expect, it } from 'vitest';
import { builtinScenario, createWorld, OUTCOMES } from '../../shared/index.js';
import { forecast } from '../../shared/analysis/index.js';
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

  it('reports a positive throughput and refuses an unknown scenario', async () => {
    expect(await pool.throughput('baseline', 20, 't')).toBeGreaterThan(0);
    await expect(pool.throughput('no-such-scenario', 1, 't')).rejects.toThrow(/unknown scenario/);
  });
});
