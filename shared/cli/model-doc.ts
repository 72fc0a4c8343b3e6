/**
 * Refresh the generated tables of docs/MODEL.md from the model's data files, so the page a seminar
 * instructor hands out never drifts from the code:
 *
 *   node --import tsx shared/cli/model-doc.ts            # sources, coefficients, parameters, actions, events, agreements
 *   node --import tsx shared/cli/model-doc.ts --calibrate 2000   # also re-run the calibration table (slow)
 *
 * Each table sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` markers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  ACTIONS,
  AGREEMENT_MENU,
  BUILTIN_SCENARIOS,
  COEFFICIENTS,
  EVENT_DECK,
  LEVER_BY_ID,
  OBJECTIVES,
  PARAM_KEYS,
  SEATS,
  SEAT_INFO,
  SOURCES,
  paramFigure,
  type EventCard,
  type LeverId,
} from '../index.js';

const FILE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../docs/MODEL.md');

const cell = (x: unknown) => String(x ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const num = (x: number) => (Math.abs(x) >= 1000 ? x.toLocaleString('en-US') : String(+x.toFixed(4)));

function sources(): string {
  const rows = SOURCES.map(
    (s) =>
      `| \`${s.id}\` | ${cell(s.label)} | ${s.value === null ? '—' : `${num(s.value)}${s.unit ? ` ${cell(s.unit)}` : ''}`}${s.range ? ` (${s.range.map(num).join('–')})` : ''} | ${s.url ? `[${cell(s.source)}](${s.url})` : cell(s.source)} | ${s.kind} |`,
  );
  return ['| id | what | value (range) | source | kind |', '|---|---|---|---|---|', ...rows].join('\n');
}

function coefficients(): string {
  const rows = Object.entries(COEFFICIENTS).map(([k, c]) => `| \`${k}\` | ${num(c.value)} | ${cell(c.note)} | \`${c.source}\` |`);
  return ['| coefficient | value | meaning | source |', '|---|---:|---|---|', ...rows].join('\n');
}

function parameters(): string {
  const head = `| parameter | ${BUILTIN_SCENARIOS.map((s) => s.id).join(' | ')} | source |`;
  const rows = PARAM_KEYS.map((k) => {
    const figs = BUILTIN_SCENARIOS.map((s) => paramFigure(s, k));
    const srcs = [...new Set(figs.map((f) => `\`${f.source}\``))].join(', ');
    return `| \`${k}\` | ${figs.map((f) => num(f.value)).join(' | ')} | ${srcs} |`;
  });
  return [head, `|---|${BUILTIN_SCENARIOS.map(() => '---:').join('|')}|---|`, ...rows].join('\n');
}

function actions(): string {
  const out: string[] = [];
  for (const seat of SEATS) {
    out.push(`**${SEAT_INFO[seat].name}** (${seat}, ${SEAT_INFO[seat].currency})`, '', '| action | cost × intensity | visibility | moves | sources |', '|---|---:|---|---|---|');
    for (const a of ACTIONS.filter((x) => x.seat === seat)) {
      const moves = a.effects
        .map((e) => ('lever' in e ? `${LEVER_BY_ID[e.lever].label} ${e.delta > 0 ? '+' : ''}${e.delta}` : `${e.stat} ${e.delta > 0 ? '+' : ''}${e.delta}`))
        .concat(a.agreement ? [`offers: ${AGREEMENT_MENU[a.agreement]?.title ?? a.agreement}`] : [])
        .join('; ');
      out.push(`| ${cell(a.name)} (\`${a.id}\`) | ${a.cost} × 1–${a.maxIntensity} | ${a.visibility} | ${cell(moves)} | ${(a.sources ?? []).map((s) => `\`${s}\``).join(', ')} |`);
    }
    out.push('');
  }
  return out.join('\n').trim();
}

/** A card's chance as the table gives it: "10% a quarter, with Chip export controls below 90%". */
function cardChance(e: EventCard): string {
  if (e.trigger !== 'random') return 'scheduled / injected';
  const chance = `${Math.round((e.probability ?? 0) * 100)}% a quarter`;
  const r = e.requires;
  if (!r) return chance;
  const bounds = [r.atLeast !== undefined ? `at least ${r.atLeast * 100}%` : '', r.below !== undefined ? `below ${r.below * 100}%` : ''].filter(Boolean).join(' and ');
  return `${chance}, with ${LEVER_BY_ID[r.lever as LeverId].label} ${bounds}`;
}

function events(): string {
  const rows = EVENT_DECK.map(
    (e) =>
      `| ${cell(e.title)} (\`${e.id}\`) | ${cardChance(e)} | ${e.effects.map((x) => `${x.key} ${x.value}${x.quarters ? ` for ${x.quarters} q` : ''}`).join('; ')} | ${e.sources.map((s) => `\`${s}\``).join(', ')} |`,
  );
  return ['| card | when | effects | sources |', '|---|---|---|---|', ...rows].join('\n');
}

function agreements(): string {
  const rows = Object.values(AGREEMENT_MENU).map(
    (a) =>
      `| ${cell(a.title)} (\`${a.id}\`) | ${a.requiredParties.length ? a.requiredParties.join(' + ') : '—'}; may join: ${a.eligibleParties.join(', ')} (≥ ${a.minParties}) | ${a.minCooperation} | ${a.signingCost} | ${a.durationQuarters} q | ${Object.entries(a.perQuarter).map(([k, v]) => `${k} ${v}`).join('; ')} | ${a.forbids.map((f) => `\`${f}\``).join(', ') || '—'} |`,
  );
  return ['| agreement | parties | min. cooperation | signing cost | term | each quarter | breached by |', '|---|---|---:|---:|---|---|---|', ...rows].join('\n');
}

function objectives(): string {
  const out = ['| seat | public objectives (weight) | secret agendas |', '|---|---|---|'];
  for (const seat of SEATS) {
    const t = OBJECTIVES.seats[seat];
    out.push(`| ${seat} | ${t.public.map((o) => `${cell(o.label)} (${o.weight})`).join('; ')} | ${t.agendas.map((a) => `**${cell(a.title)}**: ${cell(a.text)}`).join('<br>')} |`);
  }
  return out.join('\n');
}

const tables: Record<string, () => string> = { sources, coefficients, parameters, actions, events, agreements, objectives };
const args = process.argv.slice(2);
if (args.includes('--calibrate')) {
  const n = args[args.indexOf('--calibrate') + 1] ?? '2000';
  const table = execFileSync(process.execPath, ['--import', 'tsx', path.resolve(path.dirname(FILE), '../shared/cli/calibrate.ts'), n], { encoding: 'utf8', maxBuffer: 1 << 24 });
  tables.calibration = () => `Command: \`node --import tsx shared/cli/calibrate.ts ${n}\`\n\n${table.trim()}`;
}

let text = fs.readFileSync(FILE, 'utf8');
for (const [name, make] of Object.entries(tables)) {
  const begin = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) {
    process.stderr.write(`docs/MODEL.md has no ${begin} … ${end} section; skipped\n`);
    continue;
  }
  text = `${text.slice(0, i + begin.length)}\n${make()}\n${text.slice(j)}`;
}
fs.writeFileSync(FILE, text);
process.stdout.write(`updated ${path.relative(process.cwd(), FILE)}\n`);
