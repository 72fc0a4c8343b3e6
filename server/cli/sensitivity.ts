// npm run sensitivity -- --scenario <id|file.json> --matches 1000 --seed 1 [--json] [--quiet]
import cliProgress from 'cli-progress';
import { fixed, OUTCOME_INFO, paramValueText } from '../../shared/index.js';
import { loadScenarioArg } from '../../shared/cli/scenario-file.js';
import { ForecastPool } from '../analysis/forecast-pool.js';
import { intArg, parseArgs, textArg } from './args.js';

async function main() {
  const args = parseArgs(process.argv.slice(2), ['scenario', 'matches', 'seed', 'json', 'quiet']);
  const scenario = loadScenarioArg(textArg(args, 'scenario') ?? 'baseline');
  const matches = intArg(args, 'matches', 1000);
  const bar = args.quiet ? null : new cliProgress.SingleBar({ format: 'sensitivity |{bar}| {value}/{total} forecasts of {matches} matches | ETA {eta_formatted}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
  const pool = new ForecastPool();
  const t0 = performance.now();
  let result;
  try {
    result = await pool.sensitivity(scenario, matches, textArg(args, 'seed') ?? '1', undefined, (done, total) => {
      if (done === 0) bar?.start(total, 0, { matches });
      else bar?.update(done);
    });
  } finally {
    bar?.stop();
    await pool.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`Sensitivity: ${scenario.name}; ${matches} matches at each end of each sourced range (${seconds.toFixed(1)} s on ${pool.size} threads)\n`);
  const width = 40;
  const pts = (x: number) => fixed(100 * x, 1);
  for (const r of result.rows) {
    const bar = '█'.repeat(Math.round(r.swing * width));
    const o = r.mostMoved;
    const [low, high] = [paramValueText(r.param, r.low), paramValueText(r.param, r.high)];
    const moved = r.swing > 0 ? `${OUTCOME_INFO[o].title}: ${(100 * r.oddsLow[o].p).toFixed(0)}% at ${low} → ${(100 * r.oddsHigh[o].p).toFixed(0)}% at ${high}` : `no outcome moved between ${low} and ${high}`;
    const chance = r.swing > 0 && r.swing <= r.margin ? ' (could be chance)' : '';
    console.log(`${r.param.padEnd(28)} ${bar.padEnd(width)} ${pts(r.swing).padStart(5)} ± ${pts(r.margin).padStart(4)} pts  ${moved}${chance}  [${r.source}]`);
  }
  console.log(`\n± : the 95% margin of the move at ${matches} matches per end; a swing within it could be chance (more --matches narrow it).`);
}

main().catch((e) => {
  console.error(`sensitivity: ${e instanceof Error ? e.message : e}`);
  process.exit(2);
});
