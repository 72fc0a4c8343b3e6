import { mergeForecasts, type Forecast, type Sensitivity, type SensitivityRow } from '../../../../shared/analysis/index.js';
import type { ParamKey, Scenario, WorldState } from '../../../../shared/index.js';
import type { WorkerJob, WorkerReply } from './forecast.worker.js';

export type Progress = { done: number; total: number };
export type Run<T> = { promise: Promise<T>; cancel(): void };

/** One worker per logical core (at least one, at most eight). */
export function workerCount(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(8, n));
}

function spawn(): Worker {
  return new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module' });
}

// Workers that finished a job wait here for the next one: starting a worker (loading and compiling the
// model) costs more than a small forecast, and a warm worker runs the model at full speed at once.
const idle: Worker[] = [];

function take(): Worker {
  return idle.pop() ?? spawn();
}

function release(w: Worker): void {
  w.onmessage = null;
  w.onerror = null;
  if (idle.length < workerCount()) idle.push(w);
  else w.terminate();
}

let nextId = 1;

/** Run jobs on the workers (idle ones first); `onReply` sees every reply; resolves when every worker is done. */
function runJobs(jobs: Omit<WorkerJob, 'id'>[], onReply: (r: WorkerReply) => void): Run<void> {
  const workers: Worker[] = [];
  let cancelled = false;
  let reject: (e: Error) => void = () => {};
  const promise = new Promise<void>((resolve, rej) => {
    reject = rej;
    let left = jobs.length;
    if (left === 0) return resolve();
    for (const j of jobs) {
      const w = take();
      workers.push(w);
      const id = nextId++;
      w.onmessage = (e: MessageEvent<WorkerReply>) => {
        if (cancelled) return;
        const r = e.data;
        if (r.type === 'error') {
          stop();
          return rej(new Error(r.message));
        }
        if (r.type === 'done') {
          workers.splice(workers.indexOf(w), 1);
          release(w);
          if (--left === 0) resolve();
          return;
        }
        onReply(r);
      };
      w.onerror = (e) => {
        stop();
        rej(new Error(e.message || 'the analysis worker failed'));
      };
      w.postMessage({ ...j, id } as WorkerJob);
    }
  });
  const stop = () => {
    cancelled = true;
    for (const w of workers) w.terminate();
  };
  return {
    promise,
    cancel() {
      if (cancelled) return;
      stop();
      reject(new Error('cancelled'));
    },
  };
}

/**
 * Forecast `n` continuations from `position`, split across the workers by `range` and merged with
 * `mergeForecasts`. `onProgress` gets the merged forecast so far, so odds firm up as it runs.
 */
export function runForecast(position: WorldState, n: number, seed: string, onProgress?: (p: Progress, sofar: Forecast) => void): Run<Forecast> {
  const k = Math.min(workerCount(), Math.max(1, Math.ceil(n / 50)));
  const chunk = Math.max(10, Math.min(250, Math.ceil(n / (k * 10))));
  const bare: WorldState = { ...position, history: [] };
  const jobs = Array.from({ length: k }, (_, i) => {
    const a = Math.floor((i * n) / k);
    const b = Math.floor(((i + 1) * n) / k);
    return { job: 'forecast' as const, position: bare, n, seed, range: [a, b] as [number, number], chunk };
  }).filter((j) => j.range[1] > j.range[0]);
  const parts: Forecast[] = [];
  const run = runJobs(jobs, (r) => {
    if (r.type !== 'part') return;
    parts.push(r.part);
    if (onProgress) {
      const merged = mergeForecasts(parts);
      onProgress({ done: merged.n, total: n }, merged);
    }
  });
  return { promise: run.promise.then(() => mergeForecasts(parts)), cancel: run.cancel };
}

/**
 * The shared `sensitivity` analysis across the workers: each runs it for some of the parameters; the
 * rows are ranked as the shared function ranks them (largest swing first).
 */
export function runSensitivity(scenario: Scenario, matches: number, seed: string, keys: readonly ParamKey[], onProgress?: (p: Progress, rows: SensitivityRow[]) => void): Run<Sensitivity> {
  const k = Math.min(workerCount(), keys.length);
  const buckets: ParamKey[][] = Array.from({ length: k }, () => []);
  keys.forEach((key, i) => buckets[i % k].push(key));
  const rows: SensitivityRow[] = [];
  let baseline: Sensitivity['baseline'] | null = null;
  let done = 0;
  const rank = () => [...rows].sort((a, b) => b.swing - a.swing || (a.param < b.param ? -1 : 1));
  const run = runJobs(
    buckets.filter((b) => b.length).map((b) => ({ job: 'sensitivity' as const, scenario, matches, seed, keys: b })),
    (r) => {
      if (r.type !== 'row') return;
      done += 1;
      baseline ??= r.result.baseline;
      rows.push(...r.result.rows);
      onProgress?.({ done, total: keys.length }, rank());
    },
  );
  return {
    promise: run.promise.then(() => ({ scenarioId: scenario.id, matches, baseline: baseline!, rows: rank() })),
    cancel: run.cancel,
  };
}
