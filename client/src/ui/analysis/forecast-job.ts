import { forecast, scenarioForecast, sensitivityForecast, type Forecast, type SensitivityCase } from '../../../../shared/analysis/index.js';
import type { Doctrine, Scenario, WorldState } from '../../../../shared/index.js';

/**
 * A slice of a forecast for an analysis worker (forecast.worker.ts): from a match's position
 * (`forecast`), of a scenario itself (`scenarioForecast`: each match from an opening of its own), or one
 * of a sensitivity's forecasts. The worker posts each `chunk` of `range` as it finishes it.
 */
export type WorkerJob = { id: number; n: number; seed: string; doctrine?: Doctrine; range: [number, number]; chunk: number } & (
  | { job: 'forecast'; position: WorldState }
  | { job: 'scenario'; scenario: Scenario }
  | { job: 'sensitivity-case'; case: SensitivityCase }
);

export type WorkerReply =
  | { id: number; type: 'part'; part: Forecast }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; message: string };

/** The forecast of continuations `range` of a job. */
export function jobSlice(job: WorkerJob, range: [number, number]): Forecast {
  switch (job.job) {
    case 'forecast':
      return forecast(job.position, job.n, { seed: job.seed, doctrine: job.doctrine, range });
    case 'scenario':
      return scenarioForecast(job.scenario, job.n, { seed: job.seed, doctrine: job.doctrine, range });
    case 'sensitivity-case':
      return sensitivityForecast(job.case, job.n, job.seed, range);
  }
}
