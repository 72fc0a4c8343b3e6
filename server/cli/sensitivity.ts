// npm run sensitivity -- --scenario <id|file.json> --matches 1000 --seed 1 [--json]
import { OUTCOME_INFO } from '../../shared/index.js';
import { loadScenarioArg } from '../../shared/cli/scenario-file.js';
import { sensitivity } from '../../shared/analysis/index.js';
import { intArg, parseArgs, textArg } from './args.js';

function main() {
  const args = parseArgs(process.argv.slice(2), ['scenario', 'matches', 'seed', 'json']);
  const scenario = loadScenarioArg(textArg(args, 'scenario') ?? 'baseline');
  const matches = intArg(args, 'matches', 1000);
  const result = sensitivity(scenario, matches, textArg(args, 'seed') ?? '1');
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`Sensitivity: ${scenario.name}; ${matches} matches at each end of each sourced range\n`);
  const width = 40;
  for (const r of result.rows) {
    const bar = '█'.repeat(Math.max(1, Math.round(r.swing * width)));
    const o = r.mostMoved;
    console.log(
      `${r.param.padEnd(28)} ${bar.padEnd(width)} ${(100 * r.swing).toFixed(1).padStart(5)} pts  ${OUTCOME_INFO[o].title}: ${(100 * r.oddsLow[o].p).toFixed(0)}% at ${r.low} → ${(100 * r.oddsHigh[o].p).toFixed(0)}% at ${r.high}  [${r.source}]`,
    );
  }
}

try {
  main();
} catch (e) {
  console.error(`sensitivity: ${e instanceof Error ? e.message : e}`);
  process.exit(2);
}
