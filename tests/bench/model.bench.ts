import { builtinScenario, createWorld, playBotMatch } from '../../shared/index.js';
import { ForecastPool } from '../../server/analysis/forecast-pool.js';
import { median, writeSection } from './benchmarks-file.js';

/** Full bot matches per second on one core, and the wall time of a 10,000-continuation forecast on all cores. */
export async function benchModel(): Promise<void> {
  const scenario = builtinScenario('baseline')!;
  for (let i = 0; i < 300; i++) playBotMatch(scenario, `warm${i}`, { record: false });
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) playBotMatch(scenario, `bench${run}-${i}`, { record: false });
    rates.push((n / (performance.now() - t0)) * 1000);
  }
  const pool = new ForecastPool();
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

Command: \`npm run bench\` (tests/bench/model.bench.ts)

| figure | median | min – max | goal |
|---|---|---|---|
| full 10-quarter bot matches per second, one core (baseline, no history kept) | ${rate.toFixed(0)} | ${Math.min(...rates).toFixed(0)} – ${Math.max(...rates).toFixed(0)} | ≥ 20,000 |
| wall time of a 10,000-continuation forecast from the opening, ${pool.size} worker threads | ${wall.toFixed(0)} ms | ${Math.min(...walls).toFixed(0)} – ${Math.max(...walls).toFixed(0)} ms | < 1,000 ms |`,
  );
  console.log(`matches/s/core ${rate.toFixed(0)}; forecast 10k: ${wall.toFixed(0)} ms`);
}
