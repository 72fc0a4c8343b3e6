// npm run forecast -- --scenario <id|file.json> --matches 10000 --seed 1 [--record match.json [--after N]] [--json]
import { keptScenario, OUTCOME_INFO, OUTCOMES } from '../../shared/index.js';
import { loadScenarioArg, readJsonFile } from '../../shared/cli/scenario-file.js';
import { MatchRecordSchema, replay, type Forecast } from '../../shared/analysis/index.js';
import { ForecastPool } from '../analysis/forecast-pool.js';
import { intArg, parseArgs, pct, textArg } from './args.js';

async function main() {
  const args = parseArgs(process.argv.slice(2), ['scenario', 'matches', 'seed', 'record', 'after', 'json']);
  const matches = intArg(args, 'matches', 10_000);
  const seed = textArg(args, 'seed') ?? '1';
  const recordFile = textArg(args, 'record');
  // A stored match's position, or the scenario itself (each match from an opening of its own).
  let run: (pool: ForecastPool) => Promise<Forecast>;
  let what: 'continuations' | 'matches';
  let label: string;
  if (recordFile !== undefined && args.scenario !== undefined) throw new Error('give --scenario or --record, not both');
  if (recordFile === undefined && args.after !== undefined) throw new Error('--after needs --record (the stored match to forecast from)');
  if (recordFile !== undefined) {
    const parsed = MatchRecordSchema.safeParse(readJsonFile(recordFile));
    if (!parsed.success) throw new Error(`${recordFile} is not a match record: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const warning = keptScenario(parsed.data.scenario)?.warning;
    if (warning) console.error(`forecast: the record's scenario fails today's checks (${warning}); it is replayed as stored`);
    const states = replay(parsed.data);
    // --after N: from the position after N quarters (0: the match's opening); the last position by default.
    const after = args.after === undefined ? states.length - 1 : intArg(args, 'after', 0, 0);
    if (after > states.length - 1) throw new Error(`--after ${after}: the match has ${states.length - 1} quarters`);
    const position = states[after];
    run = (pool) => pool.forecast(position, matches, { seed });
    what = 'continuations';
    label = `match ${parsed.data.code ?? ''} after ${position.turn} of its ${position.turns} quarters`;
  } else {
    const scenario = loadScenarioArg(textArg(args, 'scenario') ?? 'baseline');
    run = (pool) => pool.scenarioForecast(scenario, matches, { seed });
    what = 'matches';
    label = `${scenario.name}: its own odds, each match from an opening of its own (as npm run sim plays them)`;
  }
  const pool = new ForecastPool();
  const t0 = performance.now();
  const f = await run(pool);
  const ms = performance.now() - t0;
  await pool.close();
  if (args.json) {
    console.log(JSON.stringify(f, null, 2));
    return;
  }
  console.log(`Forecast: ${label}; ${f.n} ${what}, seed ${seed}, ${ms.toFixed(0)} ms on ${pool.size} threads\n`);
  console.log('outcome                  p        95% interval');
  for (const o of OUTCOMES) {
    const x = f.odds[o];
    console.log(`${OUTCOME_INFO[o].title.padEnd(22)} ${pct(x.p)}   ${pct(x.low)} – ${pct(x.high)}`);
  }
  if (f.meanLead.length) console.log(`\nmean lead by quarter (months): ${f.meanLead.map((x) => x.toFixed(1)).join('  ')}`);
}

main().catch((e) => {
  console.error(`forecast: ${e instanceof Error ? e.message : e}`);
  process.exit(2);
});
