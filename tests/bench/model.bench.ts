import { builtinScenario, createWorld } from '../../shared/index.js';
import { ForecastPool } from '../../server/analysis/forecast-pool.js';
import { median, writeSection } from './benchmarks-file.js';

/** Full bot matches per second on one core, and the wall time of a 10,000-continuation forecast on all cores. */
export async function benchModel(): Promise<void> {
  const scenario = builtinScenario('baseline')!;
  const pool = new ForecastPool();
  // Measured in a worker thread running the same build the server's forecasts use.
  await pool.throughput('baseline', 300, 'warm');
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) rates.push(await pool.throughput('baseline', 2000, `bench${run}`));
  const start = createWorld(scenario, 'bench-forecast');
  await pool.forecast(start, 2000, { seed: 'warm' });
  const walls: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    await pool.forecast(start, 10_000, { seed: `bench${run}` });
    walls.push(performance.now() - t0);
  }
  await pool.close();
  const rate = median(rates);
  const wall = median(walls);
  writeSection(
    'model',
    `## Simulation speed

Command: \`npm run bench\` (tests/bench/model.bench.ts); the model runs ${pool.bundled ? 'as the esbuild bundle that `npm run build` makes (dist/sim)' : 'under tsx, unbundled'}

| figure | median | min – max | goal |
|---|---|---|---|
| full 10-quarter bot matches per second, one core (baseline, no history kept) | ${rate.toFixed(0)} | ${Math.min(...rates).toFixed(0)} – ${Math.max(...rates).toFixed(0)} | ≥ 20,000 |
| wall time of a 10,000-continuation forecast from the opening, ${pool.size} worker threads | ${wall.toFixed(0)} ms | ${Math.min(...walls).toFixed(0)} – ${Math.max(...walls).toFixed(0)} ms | < 1,000 ms |`,
  );
  console.log(`matches/s/core ${rate.toFixed(0)}; forecast 10k: ${wall.toFixed(0)} ms`);
}
