import { ForecastPool } from './forecast-pool.js';

let pool: ForecastPool | null = null;

/** One worker pool per server process, made on the first live forecast (most matches never ask). */
export function livePool(): ForecastPool {
  pool ??= new ForecastPool(undefined, { unref: true });
  return pool;
}

export async function closeLivePool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.close();
}
