/// <reference lib="webworker" />
import { forecast, sensitivity } from '../../../../shared/analysis/index.js';
import type { ParamKey, Scenario, WorldState } from '../../../../shared/index.js';

/**
 * Runs the shared model off the page's thread: a slice of a forecast (posting partial results as it
 * goes, for the progress bar) or the sensitivity rows of some parameters.
 */
export type WorkerJob =
  | { id: number; job: 'forecast'; position: WorldState; n: number; seed: string; range: [number, number]; chunk: number }
  | { id: number; job: 'sensitivity'; scenario: Scenario; matches: number; seed: string; keys: ParamKey[] };

export type WorkerReply =
  | { id: number; type: 'part'; part: ReturnType<typeof forecast> }
  | { id: number; type: 'row'; key: ParamKey; result: ReturnType<typeof sensitivity> }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; message: string };

const post = (r: WorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(r);

self.onmessage = (e: MessageEvent<WorkerJob>) => {
  const job = e.data;
  try {
    if (job.job === 'forecast') {
      const [start, end] = job.range;
      for (let i = start; i < end; i += job.chunk) {
        post({ id: job.id, type: 'part', part: forecast(job.position, job.n, { seed: job.seed, range: [i, Math.min(end, i + job.chunk)] }) });
      }
    } else {
      // One parameter at a time, so the page can show progress; the shared function ranks them.
      for (const key of job.keys) post({ id: job.id, type: 'row', key, result: sensitivity(job.scenario, job.matches, job.seed, [key]) });
    }
    post({ id: job.id, type: 'done' });
  } catch (err) {
    post({ id: job.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
