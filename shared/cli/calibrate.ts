/**
 * The calibration table of docs/MODEL.md: outcome shares and the mean final lead for every built-in
 * scenario under mixed doctrines and each pure doctrine, over N seeded bot matches.
 *
 *   node --import tsx shared/cli/calibrate.ts [N=2000] [--markdown]
 */
import { BUILTIN_SCENARIOS, DOCTRINES, OUTCOMES, playBotMatch, swingDemocratic, type Doctrine, type OutcomeId } from '../index.js';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 2000);
const SHORT: Record<OutcomeId, string> = {
  'democratic-lead': 'Democratic lead',
  'contested-frontier': 'Contested',
  'authoritarian-parity': 'Auth. parity',
  'shared-stewardship': 'Stewardship',
  'misuse-catastrophe': 'Misuse cat.',
  'strait-crisis': 'Strait crisis',
};

const rows: string[] = [];
rows.push(`| scenario | bots | ${OUTCOMES.map((o) => SHORT[o]).join(' | ')} | mean lead (10–90%) | swing dem. |`);
rows.push(`|---|---|${OUTCOMES.map(() => '---:').join('|')}|---|---:|`);
for (const sc of BUILTIN_SCENARIOS) {
  for (const d of [undefined, ...DOCTRINES] as (Doctrine | undefined)[]) {
    const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<OutcomeId, number>;
    const leads: number[] = [];
    let swing = 0;
    for (let i = 0; i < n; i++) {
      const s = playBotMatch(sc, `cal-${i}`, { record: false, doctrine: d });
      counts[s.outcome!.id] += 1;
      leads.push(s.leadMonths);
      swing += swingDemocratic(s);
    }
    leads.sort((a, b) => a - b);
    const mean = leads.reduce((a, b) => a + b, 0) / n;
    const q = (p: number) => leads[Math.floor(p * (n - 1))].toFixed(1);
    rows.push(
      `| ${sc.id} | ${d ?? 'mixed'} | ${OUTCOMES.map((o) => `${Math.round((100 * counts[o]) / n)}%`).join(' | ')} | ${mean.toFixed(1)} (${q(0.1)}–${q(0.9)}) | ${(swing / n).toFixed(2)} |`,
    );
  }
}
console.log(`Calibration over ${n} seeded bot matches per row (seeds cal-0 … cal-${n - 1}); lead in months at the end (early endings: when they ended).\n`);
console.log(rows.join('\n'));
