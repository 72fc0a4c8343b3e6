import os from 'node:os';
import { DEFAULT_THINK } from '../load/load.js';
import { runLoad, type LoadReport } from '../load/runner.js';
import { recordSoak, runSoak } from '../load/soak.js';
import { median, writeSection } from './benchmarks-file.js';

/**
 * How many concurrent 8-seat matches one server process holds on this machine with order-ack p99 under
 * 50 ms: each step is run BENCH_LOAD_RUNS times (default 3; the machine is shared and noisy) and is held when
 * the median run's p99 is under 50 ms with no error and every match live throughout; the count goes up until
 * a step is not held. Then a short soak. Environment: BENCH_LOAD_SECONDS (measured seconds per run, default
 * 30), BENCH_LOAD_STEPS (comma-separated counts), BENCH_SOAK_MINUTES (default 10; 0 skips the soak), BENCH_SOAK_MATCHES (default 300), BENCH_SOAK_WARMUP (minutes before the soak's window, default 15: V8 takes about that long to size its heap under this load).
 */
const P99_GOAL_MS = 50;

export async function benchLoad(): Promise<void> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
  const runs = Number(process.env.BENCH_LOAD_RUNS ?? 3);
  const steps = (process.env.BENCH_LOAD_STEPS ?? '100,250,400,500,600,700,800,1000').split(',').map(Number);
  const soakMinutes = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
  const soakMatches = Number(process.env.BENCH_SOAK_MATCHES ?? 300);
  const soakWarmup = Number(process.env.BENCH_SOAK_WARMUP ?? 15);
  const envText = ['BENCH_LOAD_STEPS', 'BENCH_LOAD_RUNS', 'BENCH_LOAD_SECONDS', 'BENCH_SOAK_MINUTES', 'BENCH_SOAK_MATCHES', 'BENCH_SOAK_WARMUP']
    .filter((k) => process.env[k])
    .map((k) => `${k}=${process.env[k]} `)
    .join('');
  const think = DEFAULT_THINK;
  const results: { report: LoadReport; pass: boolean; attempt: number }[] = [];
  const clean = (r: LoadReport) => r.errorCount === 0 && r.live.min >= r.matches;
  const steps_: { matches: number; medianP99: number; held: boolean; reports: LoadReport[] }[] = [];
  let held: (typeof steps_)[number] | undefined;
  for (const matches of steps) {
    const reports: LoadReport[] = [];
    for (let attempt = 1; attempt <= runs; attempt++) {
      console.log(`load: ${matches} matches, run ${attempt} of ${runs}`);
      const report = await runLoad({ matches, seconds, thinkMs: think, seed: `bench-${matches}-${attempt}` });
      reports.push(report);
      results.push({ report, pass: report.latency.p99 < P99_GOAL_MS && clean(report), attempt });
      console.log(`  p99 ${report.latency.p99} ms, errors ${report.errorCount}, live min ${report.live.min}, RSS ${report.server.meanRssMB} MB, load avg ${report.loadAverage.join(' → ')}`);
    }
    const medianP99 = Math.round(median(reports.map((r) => r.latency.p99)) * 100) / 100;
    const step = { matches, medianP99, held: medianP99 < P99_GOAL_MS && reports.every(clean), reports };
    steps_.push(step);
    if (!step.held) break;
    held = step;
  }
  const soakArgs = `--minutes ${soakMinutes} --warmup ${soakWarmup} --matches ${soakMatches} --think 2-10 --seed bench-soak`;
  const soakCommand = `npm run soak -- ${soakArgs}`;
  // BENCH_SOAK_MINUTES=0 measures the steps only and leaves the soak section as it was.
  if (soakMinutes > 0) {
    console.log(`soak: ${soakMinutes} min`);
    const soak = await runSoak({ minutes: soakMinutes, warmupMinutes: soakWarmup, matches: soakMatches, thinkMs: [2000, 10_000], seed: 'bench-soak', quiet: true });
    recordSoak(soak, soakArgs);
  }

  // RSS per match: the slope of mean server RSS over the match count, across the passing steps.
  const pts = results.filter((r) => r.report.server.meanRssMB !== null);
  let perMatchKB: number | null = null;
  if (pts.length >= 2) {
    const xs = pts.map((r) => r.report.matches);
    const ys = pts.map((r) => r.report.server.meanRssMB as number);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
    const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    perMatchKB = den ? Math.round((num / den) * 1024) : null;
  }
  const row = ({ report: r, pass, attempt }: (typeof results)[number]) =>
    `| ${r.matches} (${r.clients} clients), run ${attempt} | ${r.acksPerSecond} | ${r.latency.p50} | ${r.latency.p95} | **${r.latency.p99}** | ${r.errorCount} | ${r.live.min} | ${r.server.meanRssMB} MB | ${r.server.rssPerMatchKB} kB | ${r.server.cpuPercent}% | ${r.server.eventLoopP99Ms?.median ?? '–'} / ${r.server.eventLoopP99Ms?.max ?? '–'} ms | ${r.generator.cpuPercent}% | ${r.generator.stallMs.median} / ${r.generator.stallMs.max} ms | ${r.loadAverage.join(' → ')} | ${pass ? '< 50 ms' : '≥ 50 ms'} |`;
  const failed = steps_.find((s) => !s.held);
  const heldLine = held
    ? `**${held.matches} concurrent 8-seat matches** (${held.matches * 8} clients) held: median order-ack p99 over ${runs} runs ${held.medianP99} ms < ${P99_GOAL_MS} ms${failed ? `; at ${failed.matches} the median p99 was ${failed.medianP99} ms` : ' (the largest step tried)'}. Goal: ≥ 500.`
    : `No step held a median p99 < ${P99_GOAL_MS} ms${failed ? ` (at ${failed.matches}: ${failed.medianP99} ms)` : ''}. Goal: ≥ 500.`;
  writeSection(
    'load',
    `## Concurrent matches on one server process

Command: \`${envText}npm run bench -- load\` (tests/bench/load.bench.ts: \`npm run load -- --matches N --seconds ${seconds}\`, ${runs} runs a step, then the soak).
Each match has 8 real colyseus.js clients, one per seat (no server bots); each seat submits the shared bots' orders once a quarter after a think time drawn uniformly from ${think[0] / 1000}–${think[1] / 1000} s (people take minutes), so a quarter resolves every ~20 s per match and finished matches are replaced by new ones. Server and load generator share this machine's ${os.cpus().length} cores (the generator's clients in ${results[0]?.report.generator.threads ?? '–'} worker threads); latency is measured by the clients, send to \`ack\`, so it includes the generator's own stalls (garbage collection of thousands of clients' state), shown beside the server's own event-loop delay (from \`GET /healthz\`).

${heldLine} Server memory per match (slope of RSS over match count across the steps): **${perMatchKB ?? '–'} kB**.

| matches | orders/s | p50 ms | p95 ms | p99 ms | errors | live (min) | server RSS | RSS/match over idle | server CPU | server event-loop p99, median / worst 5-s window | generator CPU | generator stalls, median / worst 5-s window | load avg | p99 |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
${results.map(row).join('\n')}

${soakMinutes > 0 ? `Memory over time: the soak section below (\`${soakCommand}\`), run after these steps.` : 'Memory over time: the soak section below, measured in a run of its own.'}`,
  );
}
