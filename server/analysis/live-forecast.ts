import { ForecastPool } from './forecast-pool.js';

let pool: ForecastPool | null = null;
let warming: Promise<void> | null = null;
let warm = false;

/** One worker pool per server process, made on the first live forecast or warm-up (most matches never ask). */
export function livePool(): ForecastPool {
  pool ??= new ForecastPool(undefined, { unref: true });
  return pool;
}

/**
 * Start the pool's workers and run a throwaway forecast on them in the background, once per process, so
 * that the first forecast a player or Control asks for finds the workers started and the model optimised.
 * A forecast asked for meanwhile waits behind the warm-up's few batches.
 */
export function warmLivePool(): Promise<void> {
  if (warming) return warming;
  const p = livePool();
  const started = p.warmUp().then(
    () => {
      if (pool === p) warm = true;
    },
    (e: unknown) => {
      // Not warm after all: the next match to open tries again (and forecasts run all the same).
      if (warming === started) warming = null;
      if (pool === p) console.error('the live-forecast warm-up failed', e);
    },
  );
  warming = started;
  return started;
}

/** Whether this process has the pool: not yet, warming up, warm, or made without (or after a failed) warm-up. */
export function livePoolState(): 'none' | 'warming' | 'warm' | 'cold' {
  return !pool ? 'none' : warm ? 'warm' : warming ? 'warming' : 'cold';
}

export async function closeLivePool(): Promise<void> {
  const p = pool;
  pool = null;
  warming = null;
  warm = false;
  await p?.close();
}
