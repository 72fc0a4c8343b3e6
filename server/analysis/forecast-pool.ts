import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { forecast, mergeForecasts, type Forecast, type ForecastOptions } from '../../shared/analysis/forecast.js';
import type { WorldState } from '../../shared/state.js';
import type { ForecastJob } from './forecast-worker.js';

type Pending = { resolve: (f: Forecast) => void; reject: (e: Error) => void };

/**
 * Worker threads that split a forecast's continuations between the machine's cores.
 * Batches are disjoint ranges of one seeded set, so the merged odds equal a single-thread run.
 */
export class ForecastPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(size = Math.max(1, os.availableParallelism?.() ?? os.cpus().length)) {
    const entry = new URL('./forecast-worker.ts', import.meta.url).href;
    const bootstrap = new URL('./ts-worker.mjs', import.meta.url);
    for (let i = 0; i < size; i++) {
      const w = new Worker(bootstrap, { workerData: { entry } });
      w.on('message', (msg: { id: number; result?: Forecast; error?: string }) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.error !== undefined) p.reject(new Error(msg.error));
        else p.resolve(msg.result!);
      });
      w.on('error', (err) => this.failAll(err));
      this.workers.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  async forecast(position: WorldState, n: number, options: Omit<ForecastOptions, 'range'>): Promise<Forecast> {
    if (position.outcome || n < this.workers.length * 4) return forecast(position, n, options);
    const per = Math.ceil(n / this.workers.length);
    const parts = this.workers.map((w, i) => {
      const range: [number, number] = [i * per, Math.min(n, (i + 1) * per)];
      const id = this.nextId++;
      const job: ForecastJob = { id, position, n, options: { ...options, range } };
      return new Promise<Forecast>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        w.postMessage(job);
      });
    });
    return mergeForecasts(await Promise.all(parts));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
