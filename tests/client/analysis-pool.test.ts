import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinScenario, createWorld, OUTCOMES } from '../../shared/index.js';
import { forecast, mergeForecasts, sensitivity } from '../../shared/analysis/index.js';
import { jobSlice, type WorkerJob, type WorkerReply } from '../../client/src/ui/analysis/forecast-job.js';

/**
 * The page's analysis pool (client/src/ui/analysis/pool.ts) against stand-in workers that answer the
 * worker protocol with the workers' own code (forecast-job.ts) after a varying delay, so jobs finish out of order.
 */
class FakeWorker {
  static made = 0;
  static live = 0;
  static busiest = 0;
  onmessage: ((e: { data: WorkerReply }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  private terminated = false;
  private working = false;
  private delays = [7, 1, 4, 0, 9, 2];

  constructor() {
    FakeWorker.made += 1;
  }

  postMessage(job: WorkerJob): void {
    if (this.working) throw new Error('a worker was given a second job before it finished the first');
    this.working = true;
    FakeWorker.live += 1;
    FakeWorker.busiest = Math.max(FakeWorker.busiest, FakeWorker.live);
    const delay = this.delays[job.id % this.delays.length];
    setTimeout(() => {
      if (this.terminated) return;
      const [start, end] = job.range;
      for (let i = start; i < end; i += job.chunk) {
        this.onmessage?.({ data: { id: job.id, type: 'part', part: jobSlice(job, [i, Math.min(end, i + job.chunk)]) } });
      }
      this.working = false;
      FakeWorker.live -= 1;
      this.onmessage?.({ data: { id: job.id, type: 'done' } });
    }, delay);
  }

  terminate(): void {
    if (this.working) FakeWorker.live -= 1;
    this.working = false;
    this.terminated = true;
  }
}

let pool: typeof import('../../client/src/ui/analysis/pool.js');
const saved = globalThis.Worker;

beforeAll(async () => {
  (globalThis as unknown as { Worker: unknown }).Worker = FakeWorker;
  pool = await import('../../client/src/ui/analysis/pool.js');
});
afterAll(() => {
  (globalThis as unknown as { Worker: unknown }).Worker = saved;
});

describe("the page's analysis workers", () => {
  const scenario = builtinScenario('baseline')!;
  const keys = ['distillationRate', 'followerRate', 'botLatitude', 'depreciation'] as const;

  it('deal a sensitivity out as whole forecasts, never more at once than there are workers, and give the single-thread result', async () => {
    FakeWorker.made = 0;
    FakeWorker.busiest = 0;
    const heard: number[] = [];
    const run = pool.runSensitivity(scenario, 30, 'page', keys, (p) => {
      expect(p.total).toBe(1 + 2 * keys.length);
      heard.push(p.done);
    });
    const result = await run.promise;
    expect(result).toEqual(sensitivity(scenario, 30, 'page', keys));
    expect(heard).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(FakeWorker.busiest).toBeLessThanOrEqual(pool.workerCount());
    expect(FakeWorker.made).toBeLessThanOrEqual(pool.workerCount());
  });

  it('split a forecast between the workers and merge it into the single-thread forecast', async () => {
    const start = createWorld(scenario, 'page-forecast');
    const threaded = await pool.runForecast({ state: start }, 300, 'pf').promise;
    const single = forecast(start, 300, { seed: 'pf' });
    for (const o of OUTCOMES) expect(threaded.odds[o].count).toBe(single.odds[o].count);
  });

  it('merge a forecast’s batches in the order of their continuations, whichever worker finishes first: the same forecast to the last digit', async () => {
    const start = createWorld(scenario, 'page-order');
    // The batches as the page cuts 300 continuations for two workers (15 each), merged in range order.
    const batches = Array.from({ length: 20 }, (_, i) => forecast(start, 300, { seed: 'po', range: [i * 15, (i + 1) * 15] }));
    const expected = mergeForecasts(batches);
    // Job ids advance with every run, so each run's workers finish in a different order (the fake's delays).
    for (let run = 0; run < 4; run++) expect(await pool.runForecast({ state: start }, 300, 'po').promise).toEqual(expected);
  });

  it('play a forecast with the match’s one bot doctrine when it had one', async () => {
    const start = createWorld(scenario, 'page-doctrine');
    const hawks = await pool.runForecast({ state: start }, 200, 'pd', undefined, 'hawk').promise;
    const single = forecast(start, 200, { seed: 'pd', doctrine: 'hawk' });
    for (const o of OUTCOMES) expect(hawks.odds[o].count).toBe(single.odds[o].count);
  });

  it('are warmed once, and a forecast asked for meanwhile waits for the warm-up and takes its workers', async () => {
    const start = createWorld(scenario, 'page-warm');
    FakeWorker.made = 0;
    FakeWorker.busiest = 0;
    pool.warmWorkers(start);
    pool.warmWorkers(start);
    const f = await pool.runForecast({ state: start }, 200, 'pw').promise;
    const single = forecast(start, 200, { seed: 'pw' });
    for (const o of OUTCOMES) expect(f.odds[o].count).toBe(single.odds[o].count);
    // Never more workers than cores, for the warm-up and the forecast together; none made for the forecast.
    expect(FakeWorker.busiest).toBeLessThanOrEqual(pool.workerCount());
    expect(FakeWorker.made).toBe(0);
  });

  it('stop when cancelled, and say so', async () => {
    const run = pool.runSensitivity(scenario, 30, 'page', keys);
    run.cancel();
    await expect(run.promise).rejects.toThrow('cancelled');
    expect(FakeWorker.live).toBe(0);
  });
});
