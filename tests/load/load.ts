import { intArg, parseArgs } from '../../server/cli/args.js';
import { formatReport, LIMITS, runLoad, type LoadSample } from './runner.js';

const USAGE = `npm run load -- [--matches 200] [--seconds 120] [--think 2-20] [--turns N] [--ramp S] [--seed load] [--url http://127.0.0.1:2567 [--pid PID]] [--json]

Concurrent 8-seat matches, 8 real colyseus.js clients each, playing the shared bots' orders against a
server on 127.0.0.1 (its own child process unless --url is given; any other host is refused). Each seat
submits once a quarter after a think time drawn from --think (seconds, min-max). Prints order-ack latency
percentiles, errors, and the server's memory and CPU (read from /proc for the child, or --pid).`;

/** "2-20" (seconds) → [2000, 20000] ms. */
export function thinkArg(v: string | true | undefined, fallback: [number, number]): [number, number] {
  if (v === undefined) return fallback;
  const m = typeof v === 'string' ? /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(v) : null;
  if (!m) throw new Error('--think takes seconds, "min-max" or one number, e.g. --think 2-20');
  const a = Number(m[1]) * 1000;
  const b = m[2] !== undefined ? Number(m[2]) * 1000 : a;
  return [a, b];
}

export const DEFAULT_THINK: [number, number] = [2000, 20_000];

export function printSample(s: LoadSample): void {
  console.log(
    `${String(s.t).padStart(7)} s  ${s.phase.padEnd(7)} live ${String(s.live).padStart(4)}  ${String(s.acksPerSecond).padStart(5)} acks/s  p99 ${s.p99 ?? '–'} ms  RSS ${s.rssMB ?? '–'} MB  heap ${s.heapMB ?? '–'} MB (after GC ${s.gc?.heapAfterMB ?? '–'})  CPU ${s.cpuPercent ?? '–'}%  server loop p99 ${s.serverLoopP99 ?? '–'} max ${s.serverLoopMax ?? '–'} ms  generator loop max ${s.generatorLoopMax} ms  errors ${s.errors}`,
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2), ['help', 'matches', 'seconds', 'ramp', 'think', 'turns', 'seed', 'url', 'pid', 'json']);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const report = await runLoad({
    matches: intArg(args, 'matches', 200, 1, LIMITS.maxMatches),
    seconds: intArg(args, 'seconds', 120, 1, LIMITS.maxSeconds),
    rampSeconds: args.ramp !== undefined ? intArg(args, 'ramp', 10, 1, 600) : undefined,
    thinkMs: thinkArg(args.think, DEFAULT_THINK),
    turns: args.turns !== undefined ? intArg(args, 'turns', 10, 1, 20) : undefined,
    seed: typeof args.seed === 'string' ? args.seed : undefined,
    url: typeof args.url === 'string' ? args.url : undefined,
    pid: args.pid !== undefined ? intArg(args, 'pid', 0, 1, 2 ** 22) : undefined,
    onSample: args.json ? undefined : printSample,
  });
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else console.log(`\n${formatReport(report)}`);
  process.exitCode = report.errorCount > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
