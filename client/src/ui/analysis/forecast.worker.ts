/// <reference lib="webworker" />
import { forecast } from '../../../../shared/analysis/index.js';
import type { Doctrine, WorldState } from '../../../../shared/index.js';

/**
 * Runs the shared model off the page's thread: a slice of a forecast, posting partial results as it goes
 * (for the progress bar). A sensitivity is a set of whole forecasts (pool.ts).
 */
export type WorkerJob = { id: number; job: 'forecast'; position: WorldState; n: number; seed: string; doctrine?: Doctrine; range: [number, number]; chunk: number };

export type WorkerReply =
  | { id: number; type: 'part'; part: ReturnType<typeof forecast> }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; message: string };

const post = (r: WorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(r);

self.onmessage = (e: MessageEvent<WorkerJob>) => {
  const job = e.data;
  try {
    const [start, end] = job.range;
    for (let i = start; i < end; i += job.chunk) {
      post({ id: job.id, type: 'part', part: forecast(job.position, job.n, { seed: job.seed, doctrine: job.doctrine, range: [i, Math.min(end, i + job.chunk)] }) });
    }
    post({ id: job.id, type: 'done' });
  } catch (err) {
    post({ id: job.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
