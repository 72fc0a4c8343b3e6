import { intArg, parseArgs } from '../../server/cli/args.js';
import { printSample, thinkArg } from './load.js';
import { MB, slope } from './proc-stats.js';
import { formatReport, runLoad, type LoadReport } from './runner.js';
import { writeSection } from '../bench/benchmarks-file.js';

const USAGE = `npm run soak -- [--minutes 10] [--matches 200] [--think 2-10] [--turns N] [--seed soak] [--record]

Holds --matches concurrent 8-seat matches for --minutes (matches that end are replaced, so rooms are
created and disposed all along) and reports whether the server's memory stays flat: RSS per minute, the
least-squares slope over the second half, and the first and last minutes compared. --record writes the
result to the "soak" section of BENCHMARKS.md.`;

export type SoakReport = {
  minutes: number;
  load: LoadReport;
  perMinute: { minute: number; rssMB: number; p99: number | null }[];
  /** MB per minute over the second half of the run. */
  slopeMBPerMinute: number;
  firstMinuteMB: number;
  lastMinuteMB: number;
  flat: boolean;
};

/** Memory counts as flat when the second half grows by less than 1 MB a minute, or by less than 5 % overall. */
export function soakVerdict(samples: { t: number; rssMB: number }[]): Omit<SoakReport, 'minutes' | 'load' | 'perMinute'> {
  const half = samples.slice(Math.floor(samples.length / 2));
  const slopeMBPerMinute = slope(half.map((s) => s.t / 60), half.map((s) => s.rssMB));
  const t0 = samples[0]?.t ?? 0;
  const tEnd = samples.at(-1)?.t ?? 0;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const firstMinuteMB = mean(samples.filter((s) => s.t - t0 <= 60).map((s) => s.rssMB));
  const lastMinuteMB = mean(samples.filter((s) => tEnd - s.t <= 60).map((s) => s.rssMB));
  const flat = slopeMBPerMinute < 1 || (lastMinuteMB - firstMinuteMB) / firstMinuteMB < 0.05;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { slopeMBPerMinute: r(slopeMBPerMinute), firstMinuteMB: r(firstMinuteMB), lastMinuteMB: r(lastMinuteMB), flat };
}

export async function runSoak(opts: { minutes: number; matches: number; thinkMs: [number, number]; turns?: number; seed?: string; quiet?: boolean }): Promise<SoakReport> {
  const load = await runLoad({
    matches: opts.matches,
    seconds: opts.minutes * 60,
    thinkMs: opts.thinkMs,
    turns: opts.turns,
    seed: opts.seed ?? 'soak',
    sampleSeconds: 5,
    onSample: opts.quiet ? undefined : printSample,
  });
  const measured = load.samples.filter((s) => s.phase === 'measure' && s.rssMB !== null).map((s) => ({ t: s.t, rssMB: s.rssMB as number, p99: s.p99 }));
  const t0 = measured[0]?.t ?? 0;
  const perMinute: SoakReport['perMinute'] = [];
  for (let m = 0; m < opts.minutes; m++) {
    const inMinute = measured.filter((s) => s.t - t0 >= m * 60 && s.t - t0 < (m + 1) * 60);
    if (!inMinute.length) continue;
    const p99s = inMinute.map((s) => s.p99).filter((x): x is number => x !== null);
    perMinute.push({
      minute: m + 1,
      rssMB: Math.round((inMinute.reduce((a, s) => a + s.rssMB, 0) / inMinute.length) * 10) / 10,
      p99: p99s.length ? Math.max(...p99s) : null,
    });
  }
  return { minutes: opts.minutes, load, perMinute, ...soakVerdict(measured) };
}

export function formatSoak(r: SoakReport): string {
  const rows = r.perMinute.map((m) => `  minute ${String(m.minute).padStart(2)}: RSS ${m.rssMB} MB, worst 5-s ack p99 ${m.p99 ?? '–'} ms`).join('\n');
  return `${formatReport(r.load)}\n${rows}\nRSS slope over the second half: ${r.slopeMBPerMinute} MB/min; first minute ${r.firstMinuteMB} MB, last minute ${r.lastMinuteMB} MB → ${r.flat ? 'flat' : 'GROWING'}`;
}

export function recordSoak(r: SoakReport, argv: string): void {
  const l = r.load;
  writeSection(
    'soak',
    `## Soak: memory over ${r.minutes} minutes

Command: \`npm run soak -- ${argv}\` (tests/load/soak.ts). ${l.matches} concurrent 8-seat matches (${l.clients} clients), think ${l.thinkMs[0] / 1000}–${l.thinkMs[1] / 1000} s; matches that end are replaced, so rooms are created and disposed throughout.

${l.matchesFinished} matches played to the end; ${l.errorCount} errors; order-ack p50 ${l.latency.p50} ms, p99 ${l.latency.p99} ms over ${l.latency.count} orders; server CPU ${l.server.cpuPercent}% of one core; load average ${l.loadAverage.join(' → ')}.
Server RSS: idle ${l.server.baselineRssMB} MB; first minute ${r.firstMinuteMB} MB, last minute ${r.lastMinuteMB} MB; slope over the second half **${r.slopeMBPerMinute} MB/min** → **${r.flat ? 'flat' : 'growing'}**.

| minute | server RSS | worst 5-s p99 |
|---|---|---|
${r.perMinute.map((m) => `| ${m.minute} | ${m.rssMB} MB | ${m.p99 ?? '–'} ms |`).join('\n')}`,
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const r = await runSoak({
    minutes: intArg(args, 'minutes', 10, 1, 180),
    matches: intArg(args, 'matches', 200, 1, 2000),
    thinkMs: thinkArg(args.think, [2000, 10_000]),
    turns: args.turns !== undefined ? intArg(args, 'turns', 10, 1, 20) : undefined,
    seed: typeof args.seed === 'string' ? args.seed : undefined,
  });
  console.log(`\n${formatSoak(r)}`);
  if (args.record) recordSoak(r, process.argv.slice(2).join(' '));
  process.exitCode = r.flat && r.load.errorCount === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
