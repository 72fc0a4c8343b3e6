import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { forecast, mergeForecasts, scenarioForecast, type Forecast, type ForecastOptions } from '../../shared/analysis/forecast.js';
import { sensitivityCases, sensitivityOf, type Sensitivity } from '../../shared/analysis/index.js';
import type { ParamKey, Scenario } from '../../shared/scenario.js';
import type { WorldState } from '../../shared/state.js';
import { builtinScenario } from '../../shared/scenarios.js';
import { createWorld } from '../../shared/world.js';
import type { WorkerJob } from './forecast-worker.js';

type Pending = { resolve: (value: unknown) => void; reject: (e: Error) => void };
type JobBody = WorkerJob extends infer J ? (J extends { id: number } ? Omit<J, 'id'> : never) : never;

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const BUNDLE = path.join(ROOT, 'dist/sim/forecast-worker.mjs');
/**
 * Continuations per worker thread in a warm-up (`warmUp`): enough for V8 to have optimised the model, after
 * which a 10,000-continuation forecast runs at the speed in BENCHMARKS.md instead of taking about twice as long.
 */
export const WARM_UP_PER_WORKER = 500;

/** Batches a forecast is cut into per worker thread. */
const BATCHES_PER_WORKER = 4;

/**
 * Worker threads that split a forecast's continuations between the machine's cores.
 * Batches are disjoint ranges of one seeded set, so the merged odds equal a single-thread run.
 * Workers run the esbuild bundle that `npm run build` makes when it is newer than the model's
 * sources; otherwise they load the TypeScript through tsx (slower, but never stale).
 */
export class ForecastPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Set by `close`: a job asked for afterwards fails at once instead of waiting on a stopped worker. */
  private closed = false;
  readonly bundled: boolean;

  /** `unref`: idle workers do not keep the process alive (for a server's shared pool). */
  constructor(size = Math.max(1, os.availableParallelism?.() ?? os.cpus().length), opts: { unref?: boolean } = {}) {
    this.bundled = bundleIsFresh();
    for (let i = 0; i < size; i++) {
      const w = this.bundled
        ? new Worker(BUNDLE)
        : new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { entry: new URL('./forecast-worker.ts', import.meta.url).href } });
      w.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve(msg.result);
      });
      w.on('error', (err) => this.failAll(err));
      if (opts.unref) w.unref();
      this.workers.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * The continuations are cut into a few batches per worker, handed out as workers finish: a worker the
   * host slows down (the machine is shared) takes fewer, instead of holding up the whole forecast.
   */
  async forecast(position: WorldState, n: number, options: Omit<ForecastOptions, 'range'>): Promise<Forecast> {
    if (position.outcome || n < this.workers.length * 4) return forecast(position, n, options);
    // A forecast never reads the history; a live match's would only add to every message.
    const slim: WorldState = { ...position, history: [] };
    return this.split(n, (range) => ({ kind: 'forecast', position: slim, n, options: { ...options, range } }));
  }

  /** `scenarioForecast` (the scenario's own odds, each match from its own opening), split the same way. */
  async scenarioForecast(scenario: Scenario, n: number, options: Omit<ForecastOptions, 'range'>): Promise<Forecast> {
    if (n < this.workers.length * 4) return scenarioForecast(scenario, n, options);
    return this.split(n, (range) => ({ kind: 'scenario-forecast', scenario, n, options: { ...options, range } }));
  }

  /** Run `n` continuations as batches of disjoint ranges (`job` makes a batch's job) and merge them. */
  private async split(n: number, job: (range: [number, number]) => JobBody): Promise<Forecast> {
    const per = Math.ceil(n / (this.workers.length * BATCHES_PER_WORKER));
    const ranges: [number, number][] = [];
    for (let start = 0; start < n; start += per) ranges.push([start, Math.min(n, start + per)]);
    // Merged in the order of their ranges, whichever worker ran each: the same forecast every time.
    return mergeForecasts(await this.deal<Forecast>(ranges.map(job)));
  }

  /** Hand the jobs out to the workers as each finishes one; their results in the jobs' order. `onDone` hears each finish. */
  private async deal<T>(jobs: JobBody[], onDone?: () => void): Promise<T[]> {
    const results: T[] = new Array<T>(jobs.length);
    let next = 0;
    // Once a job fails the whole run has failed: the other workers take no more of its jobs.
    let failed = false;
    await Promise.all(
      this.workers.map(async (w) => {
        while (next < jobs.length && !failed) {
          const k = next++;
          try {
            results[k] = await this.run<T>(w, jobs[k]);
          } catch (e) {
            failed = true;
            throw e;
          }
          onDone?.();
        }
      }),
    );
    return results;
  }

  /**
   * The shared `sensitivity`, on every core: its forecasts (the baseline, then both ends of each sourced
   * range) are handed out whole to the workers as they finish, so the result is the single-thread one.
   * `onCase` hears how many there are, then each one finish (for a progress bar).
   */
  async sensitivity(scenario: Scenario, matches: number, seed: string, keys?: readonly ParamKey[], onCase?: (done: number, total: number) => void): Promise<Sensitivity> {
    const cases = sensitivityCases(scenario, keys);
    let done = 0;
    onCase?.(0, cases.length);
    const forecasts = await this.deal<Forecast>(
      cases.map((c) => ({ kind: 'sensitivity-case', case: c, matches, seed })),
      () => onCase?.(++done, cases.length),
    );
    return sensitivityOf(scenario, matches, cases, forecasts.map((f) => f.odds));
  }

  /** A throwaway forecast from the baseline's opening, so that the next forecast finds the workers started and the model optimised. */
  async warmUp(): Promise<void> {
    await this.forecast(createWorld(builtinScenario('baseline')!, 'warm-up'), WARM_UP_PER_WORKER * this.size, { seed: 'warm-up' });
  }

  /** Full bot matches per second on one worker thread (one core). */
  async throughput(scenario: string, n: number, seed: string): Promise<number> {
    return (await this.throughputDetail(scenario, n, seed)).matchesPerSecond;
  }

  /** Full bot matches per second on one worker thread, and the mean quarters they lasted. */
  async throughputDetail(scenario: string, n: number, seed: string): Promise<{ matchesPerSecond: number; meanQuarters: number }> {
    const { ms, quarters } = await this.run<{ ms: number; quarters: number }>(this.workers[0], { kind: 'throughput', scenario, n, seed });
    return { matchesPerSecond: (n / ms) * 1000, meanQuarters: quarters / n };
  }

  /** Microseconds to open one of the model's random streams (and draw once), on one worker thread. */
  async streamMicros(n: number): Promise<number> {
    const { ms } = await this.run<{ ms: number }>(this.workers[0], { kind: 'streams', n });
    return (ms * 1000) / n;
  }

  private run<T>(w: Worker, body: JobBody): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the forecast pool was closed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      w.postMessage({ ...body, id });
    });
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** Stop the workers; jobs still waiting fail (nothing waits for them for ever). */
  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error('the forecast pool was closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The bundle is used only if it is newer than every model and worker source file. */
function bundleIsFresh(): boolean {
  let built: number;
  try {
    built = fs.statSync(BUNDLE).mtimeMs;
  } catch {
    return false;
  }
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) t = Math.max(t, newest(p));
      else if (/\.(ts|json)$/.test(e.name)) t = Math.max(t, fs.statSync(p).mtimeMs);
    }
    return t;
  };
  return built >= Math.max(newest(path.join(ROOT, 'shared')), fs.statSync(path.join(HERE, 'forecast-worker.ts')).mtimeMs);
}
