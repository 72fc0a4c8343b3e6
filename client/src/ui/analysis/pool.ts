import { mergeForecasts, sensitivityCases, sensitivityOf, type Forecast, type OutcomeOdds, type Sensitivity } from '../../../../shared/analysis/index.js';
import type { Doctrine, ParamKey, Scenario, WorldState } from '../../../../shared/index.js';
import type { WorkerJob, WorkerReply } from './forecast-job.js';

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

/**
 * Run jobs on at most `workerCount()` workers (idle ones first), each worker taking the next job as it
 * finishes one; `onReply` sees every reply with the job's position in `jobs`; resolves when all are done.
 * Jobs wait for a warm-up under way (`warmWorkers`), whose workers they then take, already optimised.
 */
function runJobs(jobs: Omit<WorkerJob, 'id'>[], onReply: (r: WorkerReply, job: number) => void): Run<void> {
  return warming ? deferred(warming, () => startJobs(jobs, onReply)) : startJobs(jobs, onReply);
}

/** A run that starts once `after` settles (unless cancelled first). */
function deferred<T>(after: Promise<unknown>, start: () => Run<T>): Run<T> {
  let run: Run<T> | null = null;
  let cancelled = false;
  const promise = after.then(() => {
    if (cancelled) throw new Error('cancelled');
    run = start();
    return run.promise;
  });
  return {
    promise,
    cancel() {
      cancelled = true;
      run?.cancel();
    },
  };
}

function startJobs(jobs: Omit<WorkerJob, 'id'>[], onReply: (r: WorkerReply, job: number) => void): Run<void> {
  const busy = new Set<Worker>();
  let cancelled = false;
  let reject: (e: Error) => void = () => {};
  const stop = () => {
    cancelled = true;
    for (const w of busy) w.terminate();
    busy.clear();
  };
  const promise = new Promise<void>((resolve, rej) => {
    reject = rej;
    let next = 0;
    let left = jobs.length;
    if (left === 0) return resolve();
    const fail = (e: Error) => {
      if (cancelled) return;
      stop();
      rej(e);
    };
    const give = (w: Worker) => {
      const k = next++;
      const id = nextId++;
      w.onmessage = (e: MessageEvent<WorkerReply>) => {
        if (cancelled) return;
        const r = e.data;
        if (r.type === 'error') return fail(new Error(r.message));
        if (r.type !== 'done') return onReply(r, k);
        left -= 1;
        if (next < jobs.length) return give(w);
        busy.delete(w);
        release(w);
        if (left === 0) resolve();
      };
      w.onerror = (e) => fail(new Error(e.message || 'the analysis worker failed'));
      w.postMessage({ ...jobs[k], id } as WorkerJob);
    };
    for (let i = 0; i < Math.min(workerCount(), jobs.length); i++) {
      const w = take();
      busy.add(w);
      give(w);
    }
  });
  return {
    promise,
    cancel() {
      if (cancelled) return;
      stop();
      reject(new Error('cancelled'));
    },
  };
}

/** What a forecast runs from: a match's position as it is, or a scenario (each match from an opening of its own). */
export type ForecastFrom = { state: WorldState } | { scenario: Scenario };

/**
 * Forecast `n` continuations, split across the workers by `range` and merged with `mergeForecasts`.
 * `onProgress` hears each batch finish, with the merged forecast so far to draw (merged when asked for),
 * so odds firm up as it runs. `doctrine`: the match's one doctrine for every bot, if it had one (mixed
 * doctrines otherwise).
 */
export function runForecast(from: ForecastFrom, n: number, seed: string, onProgress?: (p: Progress, sofar: () => Forecast) => void, doctrine?: Doctrine): Run<Forecast> {
  const k = Math.min(workerCount(), Math.max(1, Math.ceil(n / 50)));
  const chunk = Math.max(10, Math.min(250, Math.ceil(n / (k * 10))));
  // A forecast never reads a position's history.
  const what = 'state' in from ? { job: 'forecast' as const, position: { ...from.state, history: [] } } : { job: 'scenario' as const, scenario: from.scenario };
  const jobs = Array.from({ length: k }, (_, i) => {
    const a = Math.floor((i * n) / k);
    const b = Math.floor(((i + 1) * n) / k);
    return { ...what, n, seed, doctrine, range: [a, b] as [number, number], chunk };
  }).filter((j) => j.range[1] > j.range[0]);
  // Each batch keyed by its first continuation, and merged in that order whichever worker finished first:
  // the same forecast, to the last digit, every time (as the server merges).
  const parts: { start: number; part: Forecast }[] = [];
  const posted = jobs.map(() => 0);
  let done = 0;
  const merged = () => mergeForecasts(parts.sort((a, b) => a.start - b.start).map((p) => p.part));
  const run = runJobs(jobs, (r, k) => {
    if (r.type !== 'part') return;
    parts.push({ start: jobs[k].range[0] + chunk * posted[k]++, part: r.part });
    done += r.part.n;
    onProgress?.({ done, total: n }, merged);
  });
  return { promise: run.promise.then(merged), cancel: run.cancel };
}

let warmed = false;
/** The warm-up while it runs. */
let warming: Promise<void> | null = null;

/**
 * Start the workers and run a short throwaway forecast on them, once per page, so that the first forecast
 * asked for finds them started and the model optimised (it otherwise takes about three times as long).
 */
export function warmWorkers(position: WorldState): void {
  if (warmed || position.outcome) return;
  warmed = true;
  const run = runForecast({ state: position }, WARM_UP_PER_WORKER * workerCount(), 'warm-up');
  warming = run.promise.then(
    () => undefined,
    () => undefined,
  );
  void warming.then(() => (warming = null));
}

/** Continuations per worker in the warm-up. */
const WARM_UP_PER_WORKER = 300;

/**
 * The shared `sensitivity` on the workers: its forecasts (the baseline, then both ends of each sourced
 * range) are dealt out whole to workers as they finish, and put together as the shared function does
 * (`sensitivityOf`): the same result as on one thread. `onProgress` hears each forecast finish.
 */
export function runSensitivity(scenario: Scenario, matches: number, seed: string, keys: readonly ParamKey[], onProgress?: (p: Progress) => void): Run<Sensitivity> {
  const cases = sensitivityCases(scenario, keys);
  const odds: OutcomeOdds[] = new Array<OutcomeOdds>(cases.length);
  let done = 0;
  const run = runJobs(
    cases.map((c) => ({ job: 'sensitivity-case' as const, case: c, n: matches, seed, range: [0, matches] as [number, number], chunk: matches })),
    (r, k) => {
      if (r.type !== 'part') return;
      odds[k] = r.part.odds;
      done += 1;
      onProgress?.({ done, total: cases.length });
    },
  );
  return { promise: run.promise.then(() => sensitivityOf(scenario, matches, cases, odds)), cancel: run.cancel };
}
