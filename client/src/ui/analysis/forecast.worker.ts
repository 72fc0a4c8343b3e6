/// <reference lib="webworker" />
import { jobSlice, type WorkerJob, type WorkerReply } from './forecast-job.js';

const post = (r: WorkerReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(r);

/** Runs the shared model off the page's thread, posting each chunk's result as it goes (for the progress bar). */
self.onmessage = (e: MessageEvent<WorkerJob>) => {
  const job = e.data;
  try {
    const [start, end] = job.range;
    for (let i = start; i < end; i += job.chunk) post({ id: job.id, type: 'part', part: jobSlice(job, [i, Math.min(end, i + job.chunk)]) });
    post({ id: job.id, type: 'done' });
  } catch (err) {
    post({ id: job.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
