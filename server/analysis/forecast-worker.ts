import { parentPort } from 'node:worker_threads';
import { forecast, type ForecastOptions } from '../../shared/analysis/forecast.js';
import type { WorldState } from '../../shared/state.js';

export type ForecastJob = { id: number; position: WorldState; n: number; options: ForecastOptions };

parentPort!.on('message', (job: ForecastJob) => {
  try {
    parentPort!.postMessage({ id: job.id, result: forecast(job.position, job.n, job.options) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
