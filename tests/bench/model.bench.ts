import os from 'node:os';
import { builtinScenario, createWorld, quarterStreams } from '../../shared/index.js';
import { ForecastPool, WARM_UP_PER_WORKER } from '../../server/analysis/forecast-pool.js';
import { median, writeSection } from './benchmarks-file.js';

/** Streams a quarter opens: the bots' and the resolution's. */
const STREAMS_PER_QUARTER = quarterStreams().length;

/**
 * Full bot matches per second on one core, the wall time of a 10,000-continuation forecast on all cores,
 * and the cost of opening the model's random streams (the floor under the first figure).
 */
export async function benchModel(): Promise<void> {
  const scenario = builtinScenario('baseline')!;
  const pool = new ForecastPool();
  // Measured in a worker thread running the same build the server's forecasts use.
  await pool.throughput('baseline', 300, 'warm');
  const runs: { matchesPerSecond: number; meanQuarters: number }[] = [];
  for (let run = 0; run < 5; run++) runs.push(await pool.throughputDetail('baseline', 2000, `bench${run}`));
  const rates = runs.map((r) => r.matchesPerSecond);
  const quarters = median(runs.map((r) => r.meanQuarters));
  await pool.streamMicros(20_000);
  const streamUs = median(await Promise.all([0, 1, 2].map(() => pool.streamMicros(100_000))));
  const start = createWorld(scenario, 'bench-forecast');
  await pool.forecast(start, 2000, { seed: 'warm' });
  const walls: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    await pool.forecast(start, 10_000, { seed: `bench${run}` });
    walls.push(performance.now() - t0);
  }
  await pool.close();
  // A server's first forecast: on a pool just made (its workers start and V8 optimises the model as it
  // runs), and on one the server warmed when its first match opened (server/analysis/live-forecast.ts).
  const firstCold: number[] = [];
  const firstWarmed: number[] = [];
  for (let run = 0; run < 3; run++) {
    for (const warmed of [false, true]) {
      const fresh = new ForecastPool();
      if (warmed) await fresh.warmUp();
      const t0 = performance.now();
      await fresh.forecast(start, 10_000, { seed: `first${run}` });
      (warmed ? firstWarmed : firstCold).push(performance.now() - t0);
      await fresh.close();
    }
  }
  const rate = median(rates);
  const wall = median(walls);
  const matchUs = 1e6 / rate;
  const streamsUs = streamUs * STREAMS_PER_QUARTER * quarters;
  const load = os.loadavg()[0].toFixed(1);
  writeSection(
    'model',
    `## Simulation speed

Command: \`npm run bench -- model\` (tests/bench/model.bench.ts); the model runs ${pool.bundled ? 'as the esbuild bundle that `npm run build` makes (dist/sim)' : 'under tsx, unbundled'}, in worker threads as the server's forecasts do. Load average at the end: ${load}.

| figure | median | min – max | goal |
|---|---|---|---|
| full bot matches per second, one core (baseline, mixed doctrines, no history kept; ${quarters.toFixed(1)} quarters a match on average) | ${rate.toFixed(0)} | ${Math.min(...rates).toFixed(0)} – ${Math.max(...rates).toFixed(0)} | ≥ 20,000 |
| wall time of a 10,000-continuation forecast from the opening, ${pool.size} worker threads | ${wall.toFixed(0)} ms | ${Math.min(...walls).toFixed(0)} – ${Math.max(...walls).toFixed(0)} ms | < 1,000 ms |
| the same, a server's first forecast: on worker threads just started | ${median(firstCold).toFixed(0)} ms | ${Math.min(...firstCold).toFixed(0)} – ${Math.max(...firstCold).toFixed(0)} ms | |
| the same, a server's first forecast: after the warm-up it runs when its first match opens (${WARM_UP_PER_WORKER} continuations a worker) | ${median(firstWarmed).toFixed(0)} ms | ${Math.min(...firstWarmed).toFixed(0)} – ${Math.max(...firstWarmed).toFixed(0)} ms | < 1,000 ms |
| opening one random stream (seedrandom Tyche-i, integer seed) and drawing once | ${streamUs.toFixed(2)} µs | | |

A match costs ${matchUs.toFixed(0)} µs here, ${(matchUs / quarters).toFixed(1)} µs a quarter: eight bots' decisions and the quarter's resolution. Opening the quarter's ${STREAMS_PER_QUARTER} random streams (the bots' and the resolution's, each read in fixed blocks so that one seat's orders never shift another's draws: docs/MODEL.md, Randomness) takes about ${streamsUs.toFixed(0)} µs of a match (${((100 * streamsUs) / matchUs).toFixed(0)}%). ${
      matchUs > 50
        ? `At 20,000 matches a second a match may take 50 µs, ${(50 / quarters).toFixed(1)} µs a quarter: the rest of the time is spread thinly over the bots' and the resolution's steps, with no single part that would close the gap.`
        : ''
    }`,
  );
  console.log(`matches/s/core ${rate.toFixed(0)}; forecast 10k: ${wall.toFixed(0)} ms (first: ${median(firstCold).toFixed(0)} ms cold, ${median(firstWarmed).toFixed(0)} ms warmed); stream ${streamUs.toFixed(2)} µs`);
}
