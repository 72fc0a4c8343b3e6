/**
 * Headless simulation: play many bot matches and summarise the outcomes.
 *
 *   npm run sim -- --scenario baseline --matches 10000 --seed 1 [--csv out.csv] [--doctrine hawk]
 *
 * --scenario  a built-in scenario id, or the path of a scenario JSON file (validated; errors name the field)
 * --matches   how many matches (default 1000); match i is played from seed "<seed>-<i>"
 * --seed      names the batch (default 1): the same seed gives the same table
 * --doctrine  hawk | dove | opportunist for every bot (default: mixed, drawn per match from its seed)
 * --agendas   draw secret agendas for every seat (scores are then in the CSV)
 * --csv       write one row per match (outcome, final figures, lead after every quarter, seat scores)
 * --quiet     no progress bar
 *
 * This file does I/O; the model it drives (shared/*.ts) stays pure.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import {
  BUILTIN_SCENARIOS,
  DOCTRINES,
  OUTCOMES,
  OUTCOME_INFO,
  SEATS,
  assignDoctrines,
  builtinScenario,
  createWorld,
  parseScenario,
  playQuarter,
  scoreSeats,
  swingDemocratic,
  type Doctrine,
  type OutcomeId,
  type Scenario,
  type WorldState,
} from '../index.js';
import { wilson } from '../analysis/stats.js';
import { loadScenarioArg } from './scenario-file.js';

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

const { values } = parsed(() => parseArgs({
  options: {
    scenario: { type: 'string', default: 'baseline' },
    matches: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    doctrine: { type: 'string' },
    csv: { type: 'string' },
    agendas: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
}));

/** The options, or a one-line error (a typo must not fall back to a default). */
function parsed<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)} (see --help)`);
  }
}

if (values.help) {
  process.stdout.write(
    'npm run sim -- --scenario <id|file.json> --matches N --seed S [--doctrine hawk|dove|opportunist] [--agendas] [--csv out.csv] [--quiet]\n' +
      `built-in scenarios: ${BUILTIN_SCENARIOS.map((s) => s.id).join(', ')}\n`,
  );
  process.exit(0);
}

function loadScenario(arg: string): Scenario {
  try {
    return loadScenarioArg(arg);
  } catch (e) {
    fail((e as Error).message);
  }
}

const scenario = loadScenario(values.scenario as string);
const n = Number(values.matches);
if (!Number.isInteger(n) || n < 1) fail(`--matches must be a positive whole number (got "${values.matches}")`);
const doctrine = values.doctrine as Doctrine | undefined;
if (doctrine !== undefined && !(DOCTRINES as readonly string[]).includes(doctrine)) fail(`--doctrine must be one of ${DOCTRINES.join(', ')} (got "${doctrine}")`);
const batch = values.seed as string;

const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<OutcomeId, number>;
const leadSum = new Array<number>(scenario.turns).fill(0);
const leadN = new Array<number>(scenario.turns).fill(0);
const endTurn = new Array<number>(scenario.turns + 1).fill(0);
let finalLead = 0;
const csv: string[] | null = values.csv ? [] : null;
if (csv) {
  csv.push(
    ['match', 'seed', 'outcome', 'early', 'turn', 'lead_months', 'swing_democratic', 'tension', 'cooperation', 'misuse', ...Array.from({ length: scenario.turns }, (_, k) => `lead_q${k + 1}`), ...SEATS.map((s) => `score_${s}`)].join(','),
  );
}

const bar = values.quiet ? null : new cliProgress.SingleBar({ format: 'sim |{bar}| {percentage}% | {value}/{total} matches | ETA {eta_formatted}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
bar?.start(n, 0);
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const seed = `${batch}-${i}`;
  const doctrines = assignDoctrines(seed, doctrine);
  let s: WorldState = createWorld(scenario, seed, { agendas: values.agendas ? 'draw' : 'none' });
  const leads: number[] = [];
  while (!s.outcome) {
    s = playQuarter(s, {}, doctrines, { record: false }).state;
    leadSum[s.turn - 1] += s.leadMonths;
    leadN[s.turn - 1] += 1;
    leads.push(s.leadMonths);
  }
  const o = s.outcome;
  counts[o.id] += 1;
  endTurn[s.turn] += 1;
  finalLead += s.leadMonths;
  if (csv) {
    const scores = scoreSeats(s);
    csv.push(
      [
        i,
        seed,
        o.id,
        o.early ? 1 : 0,
        s.turn,
        s.leadMonths.toFixed(3),
        swingDemocratic(s).toFixed(4),
        s.tension.toFixed(2),
        s.cooperation.toFixed(2),
        s.risk.misuse.toFixed(4),
        ...Array.from({ length: scenario.turns }, (_, k) => (k < leads.length ? leads[k].toFixed(3) : '')),
        ...SEATS.map((seat) => scores[seat].total.toFixed(1)),
      ].join(','),
    );
  }
  if (bar && (i % 50 === 49 || i === n - 1)) bar.update(i + 1);
}
bar?.stop();
const seconds = (performance.now() - t0) / 1000;

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;
const out: string[] = [];
out.push(`${scenario.name} (${scenario.id}) — ${n} matches, seed "${batch}", bots: ${doctrine ?? 'mixed doctrines'} — ${seconds.toFixed(1)} s (${Math.round(n / seconds)} matches/s)`);
out.push('');
out.push('Outcome                 share   (95% interval)      matches');
for (const o of OUTCOMES) {
  const w = wilson(counts[o], n);
  out.push(`${OUTCOME_INFO[o].title.padEnd(22)} ${pct(w.p)}   (${pct(w.low)} – ${pct(w.high)})  ${String(counts[o]).padStart(7)}`);
}
out.push('');
out.push(`Mean lead at the end: ${(finalLead / n).toFixed(1)} months`);
out.push('');
out.push('Quarter   mean lead (months)   matches still running');
for (let k = 0; k < scenario.turns; k++) {
  const label = `Q${k + 1}`;
  out.push(`${label.padEnd(9)} ${leadN[k] ? (leadSum[k] / leadN[k]).toFixed(2).padStart(8) : '       –'}             ${String(leadN[k]).padStart(7)}`);
}
process.stdout.write(`${out.join('\n')}\n`);
if (csv && values.csv) {
  fs.writeFileSync(values.csv, `${csv.join('\n')}\n`);
  process.stdout.write(`\nWrote ${n} rows to ${values.csv}\n`);
}
