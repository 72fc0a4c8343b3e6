import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Health } from '../../server/health.js';
import { freePort } from '../integration/child-server.js';
import { startServerProcess, type ServerProcess } from '../scale/processes.js';
import { cpuPercent, MB, percentile, sampleProcess, type ProcSample } from './proc-stats.js';
import { deadline, epochNow, LoadGenerator, type GeneratorConfig, type GeneratorTick } from './generator.js';

const TS_WORKER = new URL('../../server/analysis/ts-worker.mjs', import.meta.url);
const LOAD_WORKER = new URL('./load-worker.ts', import.meta.url).href;

/**
 * The load generator: `matches` concurrent 8-seat matches, each seat a real colyseus.js client (8 clients
 * per match, every seat held by a "person", so the server's bots never play and every order crosses the
 * wire). Each seat orders what the shared bots would (`botOrders` on a client-side copy of the match, see
 * shadow.ts) after a think time, and every submission's acknowledgement is timed. A slot whose match ends
 * starts a new one, so `matches` stay live for the whole run. 127.0.0.1 only.
 */
export type LoadOptions = {
  /** Concurrent matches (8 clients each). */
  matches: number;
  /** Measured seconds, once every match is live. */
  seconds: number;
  /** Seconds over which the matches are started. Default: matches / 20, at least 2. */
  rampSeconds?: number;
  /** A seat's think time before it submits, each quarter: uniform in [min, max] ms. */
  thinkMs: [number, number];
  /** Quarters per match; default the scenario's (10). */
  turns?: number;
  scenario?: string;
  /** Seeds the matches and the think times (same seed, same schedule). */
  seed?: string;
  /** An already running server (loopback only). Otherwise a server child process is started and stopped. */
  url?: string;
  /** With `url`: the server's pid, to sample its memory and CPU (optional). */
  pid?: number;
  /** Seconds between progress lines and samples. */
  sampleSeconds?: number;
  /** Called with each progress sample. */
  onSample?: (s: LoadSample) => void;
  /** How long one step (a join, an ack, a resolution) may take before it counts as an error. */
  stepTimeoutMs?: number;
  /**
   * Worker threads holding the clients (0: this thread). One thread's garbage collection pauses every
   * client it holds; several smaller heaps keep the generator's own stalls out of the latency figures.
   * Default: none below 100 matches, else one per 100 matches, at most 4.
   */
  workers?: number;
  /** Cut each slot's first match short so that matches end at different times, not in waves (see GeneratorConfig). */
  stagger?: boolean;
};

export type LoadSample = {
  /** Seconds since the start of the run. */
  t: number;
  phase: 'ramp' | 'measure' | 'drain';
  live: number;
  rssMB: number | null;
  /** The server's V8 heap in use (GET /healthz): live objects plus garbage not yet collected. */
  heapMB: number | null;
  /** The server's V8 heap reserved. */
  heapTotalMB: number | null;
  /** The server's memory outside the V8 heap: all external memory, and Buffers/ArrayBuffers alone. */
  externalMB: number | null;
  arrayBuffersMB: number | null;
  /**
   * The server's heap in use just after its latest major garbage collection (the live heap), `at` that
   * collection (seconds since the start of the run), and how many major collections it has made so far.
   */
  gc: { heapAfterMB: number; at: number; majors: number } | null;
  cpuPercent: number | null;
  acksPerSecond: number;
  p99: number | null;
  errors: number;
  /** The server's own event-loop delay p99 over its last 5-s window (GET /healthz), ms. */
  serverLoopP99: number | null;
  /** The longest the server's event loop stalled in that window, ms. */
  serverLoopMax: number | null;
  /** The longest the generator's own event loop stalled since the last sample, ms (its stalls inflate latency too). */
  generatorLoopMax: number;
};

export type LoadReport = {
  matches: number;
  clients: number;
  seconds: number;
  thinkMs: [number, number];
  turns: number | null;
  /** Live matches over the measured window (a slot between two matches is briefly not live). */
  live: { min: number; mean: number };
  /** Submissions acknowledged in the window, and per second. */
  acks: number;
  acksPerSecond: number;
  resolutionsPerSecond: number;
  matchesFinished: number;
  /** Order-ack latency in the window, ms. */
  latency: { count: number; p50: number; p95: number; p99: number; max: number };
  errors: Record<string, number>;
  errorCount: number;
  server: {
    pid: number | null;
    baselineRssMB: number | null;
    meanRssMB: number | null;
    peakRssMB: number | null;
    /** (mean RSS in the window − RSS before any match) / matches. */
    rssPerMatchKB: number | null;
    cpuPercent: number | null;
    /** The server's event-loop delay (GET /healthz, 5-s windows) over the measured window: median and worst window p99, ms. */
    eventLoopP99Ms: { median: number; max: number } | null;
  };
  /** The generator's CPU (all its threads), and the longest its event loops stalled per sample (median and worst), ms. */
  generator: { cpuPercent: number; threads: number; stallMs: { median: number; max: number } };
  /** The machine's 1-minute load average when the window opened and closed (2 cores: above 2 means others compete). */
  loadAverage: [number, number];
  samples: LoadSample[];
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Throws unless `url` is an http(s) or ws(s) address on this machine's loopback interface. */
export function assertLoopback(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`not a URL: ${url}`);
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) throw new Error(`unsupported protocol in ${url}`);
  if (!LOOPBACK.has(u.hostname)) throw new Error(`the load generator only targets 127.0.0.1 (loopback), not ${u.hostname}`);
  return u;
}

export const LIMITS = { maxMatches: 2000, maxSeconds: 3 * 3600 };


const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A generator in this thread or in a worker thread: it reports ticks and stops on request. */
type GeneratorHandle = { stop: () => Promise<void> };

function inThread(config: GeneratorConfig, absorb: (id: number, t: GeneratorTick) => void, id: number): GeneratorHandle {
  const gen = new LoadGenerator(config);
  gen.start();
  const ticker = setInterval(() => absorb(id, gen.tick()), 1000);
  let stopped: Promise<void> | undefined;
  const stop = async () => {
    clearInterval(ticker);
    await gen.stop();
    absorb(id, gen.tick());
  };
  return { stop: () => (stopped ??= stop()) };
}

function inWorker(config: GeneratorConfig, absorb: (id: number, t: GeneratorTick) => void, id: number): GeneratorHandle {
  const worker = new Worker(TS_WORKER, { workerData: { entry: LOAD_WORKER, config } });
  let stopped: () => void = () => undefined;
  const done = new Promise<void>((r) => (stopped = r));
  worker.on('message', (m: { kind: 'tick' | 'stopped'; tick: GeneratorTick }) => {
    absorb(id, m.tick);
    if (m.kind === 'stopped') stopped();
  });
  worker.on('error', (e) => {
    absorb(id, { acks: [], errors: { [`generator:${e.message.slice(0, 60)}`]: 1 }, resolutions: [], finished: [], live: 0, started: 0, loopMaxMs: 0 });
    stopped();
  });
  worker.on('exit', () => stopped());
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    worker.postMessage({ kind: 'stop' });
    await Promise.race([done, deadline(config.thinkMs[1] + 3 * config.stepTimeoutMs)]);
    await worker.terminate();
  };
  return { stop: () => (stopping ??= stop()) };
}

export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  if (!Number.isInteger(opts.matches) || opts.matches < 1 || opts.matches > LIMITS.maxMatches) throw new Error(`matches must be 1..${LIMITS.maxMatches}`);
  if (!(opts.seconds > 0 && opts.seconds <= LIMITS.maxSeconds)) throw new Error(`seconds must be in (0, ${LIMITS.maxSeconds}]`);
  const [thinkMin, thinkMax] = opts.thinkMs;
  if (!(thinkMin >= 0 && thinkMax >= thinkMin && thinkMax <= 600_000)) throw new Error('think time must be 0 ≤ min ≤ max ≤ 600 s');
  const workers = opts.workers ?? (opts.matches >= 100 ? Math.min(4, Math.ceil(opts.matches / 100)) : 0);
  if (!Number.isInteger(workers) || workers < 0 || workers > 16) throw new Error('workers must be 0..16');
  const scenario = opts.scenario ?? 'baseline';
  const seed = opts.seed ?? 'load';
  const stepTimeout = opts.stepTimeoutMs ?? 30_000;
  const sampleMs = (opts.sampleSeconds ?? 5) * 1000;
  const rampMs = (opts.rampSeconds ?? Math.max(2, opts.matches / 20)) * 1000;

  let server: ServerProcess | undefined;
  let dataDir: string | undefined;
  let endpoint: string;
  let pid: number | undefined;
  if (opts.url) {
    assertLoopback(opts.url);
    endpoint = opts.url.replace(/\/$/, '');
    pid = opts.pid;
  } else {
    dataDir = mkdtempSync(path.join(tmpdir(), 'leadtime-load-'));
    const port = await freePort();
    // Every match comes from 127.0.0.1 here, so the per-address room limit is off for this server only.
    server = await startServerProcess(port, { DATA_DIR: dataDir, ROOMS_PER_IP_PER_MINUTE: '0' });
    endpoint = server.endpoint;
    pid = server.proc.pid;
  }

  const acks: { at: number; ms: number }[] = [];
  const errors = new Map<string, number>();
  const resolutions: number[] = [];
  const finished: number[] = [];
  const liveBy = new Map<number, number>();
  const startedBy = new Map<number, number>();
  let loopMax = 0;
  const generatorLoopMax: number[] = [];
  let stopping = false;
  const absorb = (id: number, t: GeneratorTick) => {
    for (let i = 0; i < t.acks.length; i += 2) acks.push({ at: t.acks[i], ms: t.acks[i + 1] });
    // Once stopping, every match is abandoned on purpose: what fails then is not an error.
    if (!stopping) for (const [k, v] of Object.entries(t.errors)) errors.set(k, (errors.get(k) ?? 0) + v);
    resolutions.push(...t.resolutions);
    finished.push(...t.finished);
    liveBy.set(id, t.live);
    startedBy.set(id, t.started);
    loopMax = Math.max(loopMax, t.loopMaxMs);
  };
  const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const errorCount = () => sum(errors as unknown as Map<number, number>);

  const samples: LoadSample[] = [];
  const procSamples: (ProcSample & { phase: LoadSample['phase'] })[] = [];
  const t0 = epochNow();
  let phase: LoadSample['phase'] = 'ramp';
  const liveSamples: number[] = [];
  let measureStart = Infinity;
  let measureEnd = Infinity;
  const handles: GeneratorHandle[] = [];

  try {
    await sleep(500);
    const baseline = pid ? sampleProcess(pid) : undefined;
    let lastSample = baseline;
    let lastAcks = 0;
    let serverLoopP99: number | null = null;
    let serverLoopMax: number | null = null;
    // The latest /healthz answer (one sample behind: each sample starts the next request).
    let health: { at: number; h: Health } | undefined;
    const serverLoop: number[] = [];
    const sampler = setInterval(() => {
      fetch(`${endpoint}/healthz`)
        .then((r) => r.json() as Promise<Health>)
        .then((h) => {
          health = { at: epochNow(), h };
          serverLoopP99 = h.eventLoop?.p99 ?? null;
          serverLoopMax = h.eventLoop?.max ?? null;
          if (phase === 'measure' && serverLoopP99 !== null) serverLoop.push(serverLoopP99);
        })
        .catch(() => ((serverLoopP99 = serverLoopMax = null), (health = undefined)));
      const s = pid ? sampleProcess(pid) : undefined;
      if (s) procSamples.push({ ...s, phase });
      const live = sum(liveBy);
      if (phase === 'measure') {
        liveSamples.push(live);
        generatorLoopMax.push(loopMax);
      }
      const now = epochNow();
      const recent = acks.filter((l) => l.at > now - sampleMs).map((l) => l.ms).sort((a, b) => a - b);
      const h = health?.h;
      const hGc = h?.gc;
      const sample: LoadSample = {
        t: Math.round((now - t0) / 100) / 10,
        phase,
        live,
        rssMB: s ? Math.round((s.rssBytes / MB) * 10) / 10 : null,
        heapMB: h?.heapMB ?? null,
        heapTotalMB: h?.heapTotalMB ?? null,
        externalMB: h?.externalMB ?? null,
        arrayBuffersMB: h?.arrayBuffersMB ?? null,
        gc: health && hGc ? { heapAfterMB: hGc.heapAfterMajorMB, at: Math.round((health.at - hGc.majorAgoSeconds * 1000 - t0) / 100) / 10, majors: hGc.majors } : null,
        cpuPercent: s && lastSample ? Math.round(cpuPercent(lastSample, s)) : null,
        acksPerSecond: Math.round(((acks.length - lastAcks) / sampleMs) * 1000),
        p99: recent.length ? Math.round(percentile(recent, 99) * 10) / 10 : null,
        errors: errorCount(),
        serverLoopP99,
        serverLoopMax,
        generatorLoopMax: loopMax,
      };
      loopMax = 0;
      lastSample = s ?? lastSample;
      lastAcks = acks.length;
      samples.push(sample);
      opts.onSample?.(sample);
    }, sampleMs);

    // The slots are dealt round-robin, so every generator ramps up over the whole ramp.
    const shares = Math.max(1, workers);
    for (let g = 0; g < shares; g++) {
      const slots = Array.from({ length: opts.matches }, (_, i) => i).filter((i) => i % shares === g);
      if (!slots.length) continue;
      const config: GeneratorConfig = { endpoint, slots, totalSlots: opts.matches, rampMs, thinkMs: [thinkMin, thinkMax], turns: opts.turns, scenario, seed, stepTimeoutMs: stepTimeout, stagger: opts.stagger };
      handles.push(workers ? inWorker(config, absorb, g) : inThread(config, absorb, g));
    }

    // The measured window opens when every match has started (or the ramp has clearly failed).
    const rampEnd = epochNow() + rampMs + 2 * stepTimeout;
    while (sum(startedBy) < opts.matches && epochNow() < rampEnd) await sleep(100);
    phase = 'measure';
    const cpu0 = process.cpuUsage();
    const wall0 = epochNow();
    measureStart = epochNow();
    const load0 = os.loadavg()[0];
    await sleep(opts.seconds * 1000);
    const load1 = os.loadavg()[0];
    measureEnd = epochNow();
    const cpu = process.cpuUsage(cpu0);
    const genCpu = (100 * (cpu.user + cpu.system)) / 1000 / (epochNow() - wall0);
    phase = 'drain';
    stopping = true;
    await Promise.all(handles.map((h) => h.stop()));
    clearInterval(sampler);

    const inWindow = (at: number) => at >= measureStart && at <= measureEnd;
    const lat = acks.filter((l) => inWindow(l.at)).map((l) => l.ms).sort((a, b) => a - b);
    const windowSeconds = (measureEnd - measureStart) / 1000;
    const measured = procSamples.filter((s) => s.phase === 'measure');
    const meanRss = measured.length ? measured.reduce((a, s) => a + s.rssBytes, 0) / measured.length : null;
    const cpuWindow = measured.length >= 2 ? cpuPercent(measured[0], measured[measured.length - 1]) : null;
    const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
    const sortedLoop = [...generatorLoopMax].sort((a, b) => a - b);
    return {
      matches: opts.matches,
      clients: opts.matches * 8,
      seconds: round(windowSeconds),
      thinkMs: [thinkMin, thinkMax],
      turns: opts.turns ?? null,
      live: {
        min: liveSamples.length ? Math.min(...liveSamples) : 0,
        mean: liveSamples.length ? round(liveSamples.reduce((a, b) => a + b, 0) / liveSamples.length) : 0,
      },
      acks: lat.length,
      acksPerSecond: round(lat.length / windowSeconds),
      resolutionsPerSecond: round(resolutions.filter(inWindow).length / windowSeconds),
      matchesFinished: finished.length,
      latency: {
        count: lat.length,
        p50: round(percentile(lat, 50), 2),
        p95: round(percentile(lat, 95), 2),
        p99: round(percentile(lat, 99), 2),
        max: round(lat.length ? lat[lat.length - 1] : NaN, 2),
      },
      errors: Object.fromEntries(errors),
      errorCount: errorCount(),
      server: {
        pid: pid ?? null,
        baselineRssMB: baseline ? round(baseline.rssBytes / MB) : null,
        meanRssMB: meanRss !== null ? round(meanRss / MB) : null,
        peakRssMB: procSamples.length ? round(Math.max(...procSamples.map((s) => s.rssBytes)) / MB) : null,
        rssPerMatchKB: meanRss !== null && baseline ? Math.round((meanRss - baseline.rssBytes) / 1024 / opts.matches) : null,
        cpuPercent: cpuWindow !== null ? Math.round(cpuWindow) : null,
        eventLoopP99Ms: serverLoop.length ? { median: round(percentile([...serverLoop].sort((a, b) => a - b), 50)), max: round(Math.max(...serverLoop)) } : null,
      },
      generator: {
        cpuPercent: Math.round(genCpu),
        threads: Math.max(1, workers),
        stallMs: { median: sortedLoop.length ? round(percentile(sortedLoop, 50)) : 0, max: sortedLoop.length ? round(sortedLoop[sortedLoop.length - 1]) : 0 },
      },
      loadAverage: [round(load0, 2), round(load1, 2)],
      samples,
    };
  } finally {
    stopping = true;
    await Promise.all(handles.map((h) => h.stop().catch(() => undefined)));
    if (server) {
      await server.stop();
      if (errorCount() > 0 && process.env.LOAD_VERBOSE) console.error(server.output().slice(-4000));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatReport(r: LoadReport): string {
  const l = r.latency;
  return [
    `${r.matches} concurrent 8-seat matches (${r.clients} clients), think ${r.thinkMs[0] / 1000}–${r.thinkMs[1] / 1000} s, measured ${r.seconds} s`,
    `live matches: min ${r.live.min}, mean ${r.live.mean}; ${r.acksPerSecond} orders/s acknowledged, ${r.resolutionsPerSecond} quarters resolved/s, ${r.matchesFinished} matches finished`,
    `order-ack latency (${l.count}): p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms`,
    `errors: ${r.errorCount}${r.errorCount ? ` ${JSON.stringify(r.errors)}` : ''}`,
    `server: RSS ${r.server.baselineRssMB} MB idle → ${r.server.meanRssMB} MB mean (peak ${r.server.peakRssMB} MB), ${r.server.rssPerMatchKB} kB per match; CPU ${r.server.cpuPercent}% of one core; event-loop delay p99 (5-s windows) median ${r.server.eventLoopP99Ms?.median ?? '–'} ms, worst ${r.server.eventLoopP99Ms?.max ?? '–'} ms`,
    `generator: CPU ${r.generator.cpuPercent}% of one core in ${r.generator.threads} thread(s), event-loop stalls per sample median ${r.generator.stallMs.median} ms, worst ${r.generator.stallMs.max} ms; machine load average ${r.loadAverage[0]} → ${r.loadAverage[1]} (${os.cpus().length} cores)`,
  ].join('\n');
}
