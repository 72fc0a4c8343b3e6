import { intArg, parseArgs } from '../../server/cli/args.js';
import { printSample, thinkArg } from './load.js';
import { slope } from './proc-stats.js';
import { formatReport, runLoad, type LoadReport, type LoadSample } from './runner.js';
import { writeSection } from '../bench/benchmarks-file.js';

const USAGE = `npm run soak -- [--minutes 10] [--warmup 0] [--matches 200] [--think 2-10] [--turns N] [--seed soak] [--waves] [--record]

Holds --matches concurrent 8-seat matches for --minutes (matches that end are replaced, so rooms are
created and disposed all along) and reports whether the server's memory stays flat. The verdict is the
V8 heap just after each major garbage collection (the live heap, from GET /healthz): its least-squares
slope over the measured window after --warmup minutes (default 0: over the second half, the first half
being the warm-up) must be under 1 MB a minute. RSS is
reported beside it, per minute and as the same slope, but does not decide: it also counts the heap's
headroom, which V8 sizes at up to a few times the live heap, and freed memory the allocator keeps.
Each slot's first match is cut short so matches end at different times; --waves keeps them in step
(they then end, and are replaced, together). --record writes the result to the "soak" section of BENCHMARKS.md.`;

/** Memory flat: the heap after major collections grows by less than this over the second half of the run. */
export const FLAT_MB_PER_MINUTE = 1;
/** Fewer major collections than this in the second half, and the heap's trend is not known. */
const MIN_COLLECTIONS = 3;

export type SoakMinute = {
  minute: number;
  rssMB: number;
  /** Mean V8 heap in use (garbage included). */
  heapMB: number | null;
  /** Mean heap just after the major collections of this minute (null: none this minute). */
  heapAfterGcMB: number | null;
  /** Major collections this minute. */
  collections: number;
  /** Mean Buffers/ArrayBuffers (outside the V8 heap). */
  arrayBuffersMB: number | null;
  p99: number | null;
};

/** A memory figure's course over the measured window. */
export type Trend = {
  /** Least-squares slope over the second half of the window, MB per minute, and its standard error (null: under 3 readings). */
  slopeMBPerMinute: number;
  slopeErrorMBPerMinute: number | null;
  /** Means over the window's first and last minute (null: no reading then). */
  firstMinuteMB: number | null;
  lastMinuteMB: number | null;
  /** Readings in the second half (RSS: samples; heap after GC: major collections). */
  points: number;
  /** The lowest and highest reading in the second half (null: none). */
  range: [number, number] | null;
};

export type SoakVerdict = {
  /** The verdict: heap after major collections over the second half (null when the server reported none). */
  heapAfterGc: Trend | null;
  /** RSS, reported beside it. `flat` is what RSS alone would say (slope < 1 MB/min or < 5 % growth, the old rule). */
  rss: Trend & { flat: boolean };
  flat: boolean;
  /** The stretch the slopes cover, in words ("the second half", "the 10 minutes after warm-up"). */
  span: string;
  /** Why the verdict is what it is, in words. */
  reason: string;
};

export type SoakReport = SoakVerdict & {
  minutes: number;
  /** Minutes played before the measured window. */
  warmupMinutes: number;
  /** Matches staggered (the default) or in waves. */
  stagger: boolean;
  load: LoadReport;
  perMinute: SoakMinute[];
};

const r2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Standard error of the least-squares slope of y over x (null under 3 points). */
export function slopeError(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const b = slope(xs, ys);
  const mx = xs.reduce((a, x) => a + x, 0) / n;
  const my = ys.reduce((a, y) => a + y, 0) / n;
  let sxx = 0;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    rss += (ys[i] - (my + b * (xs[i] - mx))) ** 2;
  }
  return sxx === 0 ? null : Math.sqrt(rss / (n - 2) / sxx);
}

function trend(points: { t: number; mb: number }[], t0: number, tEnd: number, from = (t0 + tEnd) / 2): Trend {
  const half = points.filter((p) => p.t >= from);
  const first = mean(points.filter((p) => p.t - t0 <= 60).map((p) => p.mb));
  const last = mean(points.filter((p) => tEnd - p.t <= 60).map((p) => p.mb));
  const xs = half.map((p) => p.t / 60);
  const ys = half.map((p) => p.mb);
  const se = slopeError(xs, ys);
  return {
    slopeMBPerMinute: r2(slope(xs, ys)),
    slopeErrorMBPerMinute: se === null ? null : r2(se),
    firstMinuteMB: first === null ? null : r2(first),
    lastMinuteMB: last === null ? null : r2(last),
    points: half.length,
    range: half.length ? [r2(Math.min(...ys)), r2(Math.max(...ys))] : null,
  };
}

/**
 * Flat or growing, from RSS samples and the heap after each major collection (`t` in seconds) over the measured
 * window [t0, tEnd]. Only the heap after collections decides; without enough collections the trend is unknown,
 * which is not flat.
 */
export function soakVerdict(
  rssSamples: { t: number; rssMB: number }[],
  collections: { t: number; heapMB: number }[],
  window?: { t0: number; tEnd: number; /** Slopes from here (default: the middle of the window). */ slopeFrom?: number; /** What the slope covers, in words. */ span?: string },
): SoakVerdict {
  const t0 = window?.t0 ?? rssSamples[0]?.t ?? 0;
  const tEnd = window?.tEnd ?? rssSamples.at(-1)?.t ?? 0;
  const from = window?.slopeFrom ?? (t0 + tEnd) / 2;
  const span = window?.span ?? 'the second half';
  const rssTrend = trend(rssSamples.map((s) => ({ t: s.t, mb: s.rssMB })), t0, tEnd, from);
  const growth = rssTrend.firstMinuteMB && rssTrend.lastMinuteMB ? (rssTrend.lastMinuteMB - rssTrend.firstMinuteMB) / rssTrend.firstMinuteMB : 0;
  const rss = { ...rssTrend, flat: rssTrend.slopeMBPerMinute < FLAT_MB_PER_MINUTE || growth < 0.05 };
  if (!collections.length) return { heapAfterGc: null, rss, flat: false, span, reason: 'the server reported no major garbage collection, so the live heap is unknown' };
  const heapAfterGc = trend(collections.map((c) => ({ t: c.t, mb: c.heapMB })), t0, tEnd, from);
  if (heapAfterGc.points < MIN_COLLECTIONS) {
    return { heapAfterGc, rss, flat: false, span, reason: `only ${heapAfterGc.points} major collection(s) in ${span}: too few to tell (run longer)` };
  }
  const flat = heapAfterGc.slopeMBPerMinute < FLAT_MB_PER_MINUTE;
  const reason = `heap after major GC ${flat ? 'grows by less than' : 'grows by at least'} ${FLAT_MB_PER_MINUTE} MB/min over ${span} (${heapAfterGc.slopeMBPerMinute} MB/min, ${heapAfterGc.points} collections)`;
  return { heapAfterGc, rss, flat, span, reason };
}

/** Each major collection once (the samples repeat the latest until the next), within [from, to]. */
export function collectionsOf(samples: LoadSample[], from: number, to: number): { t: number; heapMB: number }[] {
  const out: { t: number; heapMB: number }[] = [];
  let seen = -1;
  for (const s of samples) {
    if (!s.gc || s.gc.majors === seen) continue;
    seen = s.gc.majors;
    if (s.gc.at >= from && s.gc.at <= to) out.push({ t: s.gc.at, heapMB: s.gc.heapAfterMB });
  }
  return out;
}

export async function runSoak(opts: {
  minutes: number;
  matches: number;
  thinkMs: [number, number];
  turns?: number;
  seed?: string;
  stagger?: boolean;
  /** Minutes played before the measured window opens (V8 and the allocator size themselves); 0: the first half of the window is the warm-up. */
  warmupMinutes?: number;
  quiet?: boolean;
}): Promise<SoakReport> {
  const stagger = opts.stagger ?? true;
  const warmup = opts.warmupMinutes ?? 0;
  const load = await runLoad({
    matches: opts.matches,
    seconds: (opts.minutes + warmup) * 60,
    thinkMs: opts.thinkMs,
    turns: opts.turns,
    seed: opts.seed ?? 'soak',
    stagger,
    sampleSeconds: 5,
    onSample: opts.quiet ? undefined : printSample,
  });
  const measuring = load.samples.filter((s) => s.phase === 'measure');
  const warmEnd = (measuring[0]?.t ?? 0) + warmup * 60;
  const inWindow = measuring.filter((s) => s.t >= warmEnd);
  const measured = inWindow.filter((s) => s.rssMB !== null).map((s) => ({ t: s.t, rssMB: s.rssMB as number }));
  const t0 = inWindow[0]?.t ?? 0;
  const tEnd = inWindow.at(-1)?.t ?? 0;
  const collections = collectionsOf(load.samples, t0, tEnd);
  const avg = (xs: (number | null)[]) => {
    const m = mean(xs.filter((x): x is number => x !== null));
    return m === null ? null : Math.round(m * 10) / 10;
  };
  const perMinute: SoakMinute[] = [];
  for (let m = 0; m < opts.minutes; m++) {
    const within = (t: number) => t - t0 >= m * 60 && t - t0 < (m + 1) * 60;
    const inMinute = inWindow.filter((s) => within(s.t));
    if (!inMinute.length) continue;
    const gcs = collections.filter((c) => within(c.t));
    const p99s = inMinute.map((s) => s.p99).filter((x): x is number => x !== null);
    perMinute.push({
      minute: m + 1,
      rssMB: avg(inMinute.map((s) => s.rssMB)) ?? NaN,
      heapMB: avg(inMinute.map((s) => s.heapMB)),
      heapAfterGcMB: avg(gcs.map((c) => c.heapMB)),
      collections: gcs.length,
      arrayBuffersMB: avg(inMinute.map((s) => s.arrayBuffersMB)),
      p99: p99s.length ? Math.max(...p99s) : null,
    });
  }
  const window = warmup > 0 ? { t0, tEnd, slopeFrom: t0, span: `the ${opts.minutes} minutes after a ${warmup}-minute warm-up` } : { t0, tEnd };
  return { minutes: opts.minutes, warmupMinutes: warmup, stagger, load, perMinute, ...soakVerdict(measured, collections, window) };
}

const mbText = (x: number | null) => (x === null ? '–' : `${x} MB`);

/** The verdict and RSS beside it, in words (shared by the printed report and BENCHMARKS.md). */
export function verdictText(r: SoakVerdict): string[] {
  const h = r.heapAfterGc;
  return [
    h
      ? `Heap after major GC (the live heap) over ${r.span}: slope ${h.slopeMBPerMinute} MB/min (± ${h.slopeErrorMBPerMinute ?? '–'} standard error) from ${h.points} collections; first minute ${mbText(h.firstMinuteMB)}, last minute ${mbText(h.lastMinuteMB)}.`
      : 'Heap after major GC: not reported.',
    `RSS over ${r.span}: slope ${r.rss.slopeMBPerMinute} MB/min${r.rss.range ? `, between ${r.rss.range[0]} and ${r.rss.range[1]} MB` : ''}; first minute ${mbText(r.rss.firstMinuteMB)}, last minute ${mbText(r.rss.lastMinuteMB)}${r.rss.flat ? '' : ` (by RSS alone: GROWING; RSS also counts V8's heap headroom and freed memory the allocator keeps)`}.`,
    `→ ${r.flat ? 'flat' : 'GROWING or unknown'}: ${r.reason}.`,
  ];
}

export function formatSoak(r: SoakReport): string {
  const rows = r.perMinute
    .map(
      (m) =>
        `  minute ${String(m.minute).padStart(2)}: RSS ${m.rssMB} MB, heap ${mbText(m.heapMB)} in use, ${mbText(m.heapAfterGcMB)} after GC (${m.collections} major), buffers ${mbText(m.arrayBuffersMB)}, worst 5-s ack p99 ${m.p99 ?? '–'} ms`,
    )
    .join('\n');
  return `${formatReport(r.load)}\nmatches ${r.stagger ? 'staggered (each slot\'s first match cut short)' : 'in waves (--waves)'}; ${r.warmupMinutes ? `${r.warmupMinutes} minutes of warm-up before the window below` : 'the first half of the window is warm-up, the verdict is on the second'}\n${rows}\n${verdictText(r).join('\n')}`;
}

export function recordSoak(r: SoakReport, argv: string): void {
  const l = r.load;
  writeSection(
    'soak',
    `## Soak: memory over ${r.minutes} minutes

Command: \`npm run soak -- ${argv}\` (tests/load/soak.ts). ${l.matches} concurrent 8-seat matches (${l.clients} clients), think ${l.thinkMs[0] / 1000}–${l.thinkMs[1] / 1000} s; matches that end are replaced, so rooms are created and disposed throughout${r.stagger ? " (each slot's first match is cut short, so matches end at different times rather than in waves)" : ', in waves (--waves)'}.

${l.matchesFinished} matches played to the end; ${l.errorCount} errors; order-ack p50 ${l.latency.p50} ms, p99 ${l.latency.p99} ms over ${l.latency.count} orders; server CPU ${l.server.cpuPercent}% of one core; load average ${l.loadAverage.join(' → ')}.
The verdict is the server's V8 heap just after each major garbage collection (GET /healthz): its slope over ${r.span} must be under ${FLAT_MB_PER_MINUTE} MB/min. RSS is shown beside it and does not decide: it also counts the heap's headroom (V8 lets the heap grow to a few times the live heap between major collections) and freed memory the allocator keeps. Server RSS idle: ${l.server.baselineRssMB} MB.

${verdictText(r)
  .map((line) => line.replace(/slope (-?[\d.]+) MB\/min/, 'slope **$1 MB/min**').replace(/^→ (\S+)/, '→ **$1**'))
  .join('\n')}

| minute | server RSS | heap in use | heap after major GC (collections) | Buffers | worst 5-s p99 |
|---|---|---|---|---|---|
${r.perMinute.map((m) => `| ${m.minute} | ${m.rssMB} MB | ${mbText(m.heapMB)} | ${mbText(m.heapAfterGcMB)} (${m.collections}) | ${mbText(m.arrayBuffersMB)} | ${m.p99 ?? '–'} ms |`).join('\n')}`,
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2), ['help', 'minutes', 'matches', 'think', 'turns', 'seed', 'waves', 'warmup', 'record']);
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
    stagger: !args.waves,
    warmupMinutes: args.warmup !== undefined ? intArg(args, 'warmup', 0, 0, 60) : 0,
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
