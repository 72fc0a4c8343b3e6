import { parentPort } from 'node:worker_threads';
import { forecast, type ForecastOptions } from '../../shared/analysis/forecast.js';
import { builtinScenario } from '../../shared/scenarios.js';
import { playBotMatch } from '../../shared/match.js';
import type { WorldState } from '../../shared/state.js';

export type ForecastJob = { id: number; kind: 'forecast'; position: WorldState; n: number; options: ForecastOptions };
/** Play `n` full bot matches and report how long they took (for the benchmark). */
export type ThroughputJob = { id: number; kind: 'throughput'; scenario: string; n: number; seed: string };
export type WorkerJob = ForecastJob | ThroughputJob;

parentPort!.on('message', (job: WorkerJob) => {
  try {
    if (job.kind === 'forecast') {
      parentPort!.postMessage({ id: job.id, result: forecast(job.position, job.n, job.options) });
      return;
    }
    const scenario = builtinScenario(job.scenario);
    if (!scenario) throw new Error(`unknown scenario "${job.scenario}"`);
    const t0 = performance.now();
    for (let i = 0; i < job.n; i++) playBotMatch(scenario, `${job.seed}-${i}`, { record: false });
    parentPort!.postMessage({ id: job.id, result: { ms: performance.now() - t0 } });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
