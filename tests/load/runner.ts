import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, type Room } from 'colyseus.js';
import seedrandom from 'seedrandom';
import type { Order, OrdersAck, SeatId, SeatView, ServerError } from '../../shared/index.js';
import { freePort } from '../integration/child-server.js';
import { startServerProcess, type ServerProcess } from '../scale/processes.js';
import { cpuPercent, MB, percentile, sampleProcess, type ProcSample } from './proc-stats.js';
import { ShadowMatch } from './shadow.js';

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
};

export type LoadSample = {
  /** Seconds since the start of the run. */
  t: number;
  phase: 'ramp' | 'measure' | 'drain';
  live: number;
  rssMB: number | null;
  cpuPercent: number | null;
  acksPerSecond: number;
  p99: number | null;
  errors: number;
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
  };
  generator: { cpuPercent: number; eventLoopDelayP99Ms: number };
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

type Waiter = { pred: () => boolean; resolve: () => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };

class Counters {
  readonly latencies: { at: number; ms: number }[] = [];
  readonly errors = new Map<string, number>();
  acks = 0;
  stopping = false;
  resolutions: number[] = [];
  finished: number[] = [];

  error(kind: string) {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  get errorCount() {
    let n = 0;
    for (const v of this.errors.values()) n += v;
    return n;
  }
}

class LoadFailure extends Error {
  constructor(readonly kind: string, message: string) {
    super(message);
  }
}

/** One seat's client: waits on what it receives instead of polling. */
class SeatClient {
  private waiters: Waiter[] = [];
  private pendingSubmit: { turn: number; t0: number; resolve: (r: { ok: true; ms: number } | { ok: false; code: string }) => void } | undefined;
  you = false;
  viewTurn = -1;
  phase = '';
  left = false;
  leaving = false;

  constructor(
    readonly room: Room,
    readonly seat: SeatId,
    private readonly counters: Counters,
  ) {
    room.onMessage('you', () => {
      this.you = true;
      this.check();
    });
    room.onMessage('seat-view', (v: SeatView) => {
      this.viewTurn = v.turn;
      this.check();
    });
    room.onMessage('ack', (a: OrdersAck) => {
      const p = this.pendingSubmit;
      if (p && a.turn === p.turn) {
        this.pendingSubmit = undefined;
        p.resolve({ ok: true, ms: performance.now() - p.t0 });
      }
    });
    room.onMessage('error', (e: ServerError) => {
      const p = this.pendingSubmit;
      if (p && e.ref === 'submit') {
        this.pendingSubmit = undefined;
        p.resolve({ ok: false, code: e.code });
      } else counters.error(`server-error:${e.code}`);
    });
    // Chat, notices, drafts, proposals: received and ignored (and no "not registered" warnings).
    room.onMessage('*', () => undefined);
    room.onStateChange((s: { phase?: string; publicJson?: string }) => {
      this.phase = s.phase ?? '';
      // The schema decoder builds strings a character at a time, as ropes of as many pieces, which cost every
      // later garbage collection dearly. A browser flattens them when it parses the JSON; converting to a
      // number flattens the head too, at a fraction of the cost (the reveal makes it ~65 kB at the end).
      if (s.publicJson) Number(s.publicJson);
      this.check();
    });
    room.onLeave((code) => {
      this.left = true;
      if (!this.leaving && !counters.stopping) counters.error(`disconnected:${code}`);
      for (const w of this.waiters.splice(0)) {
        clearTimeout(w.timer);
        w.reject(new LoadFailure('disconnected', `${this.seat} disconnected (${code})`));
      }
      const p = this.pendingSubmit;
      this.pendingSubmit = undefined;
      p?.resolve({ ok: false, code: 'disconnected' });
    });
  }

  private check() {
    if (this.waiters.length === 0) return;
    this.waiters = this.waiters.filter((w) => {
      if (!w.pred()) return true;
      clearTimeout(w.timer);
      w.resolve();
      return false;
    });
  }

  until(pred: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (pred()) return Promise.resolve();
    if (this.left) return Promise.reject(new LoadFailure('disconnected', `${this.seat} left before ${what}`));
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        pred,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((x) => x !== w);
          reject(new LoadFailure(`timeout:${what}`, `${this.seat}: no ${what} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(w);
    });
  }

  submit(turn: number, orders: Order[], timeoutMs: number): Promise<{ ok: true; ms: number } | { ok: false; code: string }> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.pendingSubmit?.turn !== turn) return;
        this.pendingSubmit = undefined;
        resolve({ ok: false, code: 'timeout:ack' });
      }, timeoutMs);
      this.pendingSubmit = {
        turn,
        t0: performance.now(),
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      this.room.send('submit', { turn, orders });
    });
  }

  async leave(): Promise<void> {
    this.leaving = true;
    if (this.left || !this.room.connection.isOpen) return;
    await Promise.race([this.room.leave(true), new Promise((r) => setTimeout(r, 2000))]);
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  if (!Number.isInteger(opts.matches) || opts.matches < 1 || opts.matches > LIMITS.maxMatches) throw new Error(`matches must be 1..${LIMITS.maxMatches}`);
  if (!(opts.seconds > 0 && opts.seconds <= LIMITS.maxSeconds)) throw new Error(`seconds must be in (0, ${LIMITS.maxSeconds}]`);
  const [thinkMin, thinkMax] = opts.thinkMs;
  if (!(thinkMin >= 0 && thinkMax >= thinkMin && thinkMax <= 600_000)) throw new Error('think time must be 0 ≤ min ≤ max ≤ 600 s');
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

  const counters = new Counters();
  const samples: LoadSample[] = [];
  const procSamples: (ProcSample & { phase: LoadSample['phase'] })[] = [];
  const t0 = performance.now();
  let phase: LoadSample['phase'] = 'ramp';
  let stopping = false;
  let live = 0;
  const liveSamples: number[] = [];
  let measureStart = Infinity;
  let measureEnd = Infinity;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  /** Every seat client in a match now, so that stopping can close them all at once. */
  const active = new Set<SeatClient>();

  try {
    await sleep(500);
    const baseline = pid ? sampleProcess(pid) : undefined;
    let lastSample = baseline;
    let lastAcks = 0;
    const sampler = setInterval(() => {
      const s = pid ? sampleProcess(pid) : undefined;
      if (s) procSamples.push({ ...s, phase });
      if (phase === 'measure') liveSamples.push(live);
      const now = performance.now();
      const recent = counters.latencies.filter((l) => l.at > now - sampleMs).map((l) => l.ms).sort((a, b) => a - b);
      const sample: LoadSample = {
        t: Math.round((now - t0) / 100) / 10,
        phase,
        live,
        rssMB: s ? Math.round((s.rssBytes / MB) * 10) / 10 : null,
        cpuPercent: s && lastSample ? Math.round(cpuPercent(lastSample, s)) : null,
        acksPerSecond: Math.round(((counters.acks - lastAcks) / sampleMs) * 1000),
        p99: recent.length ? Math.round(percentile(recent, 99) * 10) / 10 : null,
        errors: counters.errorCount,
      };
      lastSample = s ?? lastSample;
      lastAcks = counters.acks;
      samples.push(sample);
      opts.onSample?.(sample);
    }, sampleMs);

    const startedFirst = new Array<boolean>(opts.matches).fill(false);
    let allStarted: () => void = () => undefined;
    const allLive = new Promise<void>((r) => (allStarted = r));
    let startedCount = 0;

    const playMatch = async (slot: number, n: number): Promise<void> => {
      const matchSeed = `${seed}:${slot}:${n}`;
      const rng = seedrandom(`${matchSeed}:think`);
      const think = () => thinkMin + rng() * (thinkMax - thinkMin);
      const shadow = new ShadowMatch(scenario, matchSeed, opts.turns);
      const seats = shadow.seats;
      const clients: SeatClient[] = [];
      let counted = false;
      try {
        const create = { scenario, seed: matchSeed, ...(opts.turns ? { turns: opts.turns } : {}) };
        const first = await new Client(endpoint).create('match', { create, join: { seat: seats[0], name: `load ${seats[0]}` } });
        const add = (c: SeatClient) => {
          clients.push(c);
          active.add(c);
          if (stopping) void c.leave();
        };
        add(new SeatClient(first, seats[0], counters));
        live++;
        counted = true;
        const joined = await Promise.allSettled(
          seats.slice(1).map(async (seat) => {
            const room = await new Client(endpoint).joinById(first.roomId, { join: { seat, name: `load ${seat}` } });
            add(new SeatClient(room, seat, counters));
          }),
        );
        const failed = joined.find((j) => j.status === 'rejected');
        if (failed) throw new LoadFailure('join', String((failed as PromiseRejectedResult).reason));
        await Promise.all(clients.map((c) => c.until(() => c.you, stepTimeout, 'you')));
        clients[0].room.send('start', {});
        await Promise.all(clients.map((c) => c.until(() => c.phase === 'orders', stepTimeout, 'orders phase')));
        if (!startedFirst[slot]) {
          startedFirst[slot] = true;
          if (++startedCount === opts.matches) allStarted();
        }
        while (!shadow.finished && !stopping) {
          const turn = shadow.turn;
          const given: Partial<Record<SeatId, Order[]>> = {};
          await Promise.all(
            clients.map(async (c) => {
              await sleep(think());
              if (stopping) throw new LoadFailure('disconnected', 'stopping');
              const orders = shadow.orders(c.seat);
              const r = await c.submit(turn, orders, stepTimeout);
              if (!r.ok) throw new LoadFailure(`submit:${r.code}`, `${c.seat} turn ${turn}: ${r.code}`);
              const at = performance.now();
              counters.acks++;
              counters.latencies.push({ at, ms: r.ms });
              given[c.seat] = orders;
            }),
          );
          shadow.resolve(given);
          await Promise.all(clients.map((c) => c.until(() => c.viewTurn >= turn + 1, stepTimeout, 'resolution')));
          counters.resolutions.push(performance.now());
        }
        if (shadow.finished) counters.finished.push(performance.now());
      } catch (e) {
        // Once stopping, every match is abandoned on purpose: what fails then is not an error.
        if (!stopping) counters.error(e instanceof LoadFailure ? e.kind : `matchmake:${(e as Error).message.slice(0, 60)}`);
      } finally {
        await Promise.all(clients.map((c) => c.leave()));
        for (const c of clients) active.delete(c);
        if (counted) live--;
      }
    };

    const slots = Array.from({ length: opts.matches }, async (_, slot) => {
      await sleep((slot * rampMs) / opts.matches);
      for (let n = 0; !stopping; n++) {
        await playMatch(slot, n);
        if (!startedFirst[slot] && !stopping) await sleep(1000); // a failed first start: retry, not spin
      }
    });

    // The measured window opens when every match has started (or the ramp has clearly failed).
    await Promise.race([allLive, sleep(rampMs + 2 * stepTimeout)]);
    phase = 'measure';
    loop.enable();
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    measureStart = performance.now();
    const load0 = os.loadavg()[0];
    await sleep(opts.seconds * 1000);
    const load1 = os.loadavg()[0];
    measureEnd = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const genCpu = (100 * (cpu.user + cpu.system)) / 1000 / (performance.now() - wall0);
    loop.disable();
    phase = 'drain';
    stopping = true;
    counters.stopping = true;
    // Matches still being played are abandoned: every client leaves now (pending waits end as disconnections).
    await Promise.all([...active].map((c) => c.leave()));
    await Promise.race([Promise.all(slots), sleep(thinkMax + 2 * stepTimeout)]);
    clearInterval(sampler);

    const inWindow = (at: number) => at >= measureStart && at <= measureEnd;
    const lat = counters.latencies.filter((l) => inWindow(l.at)).map((l) => l.ms).sort((a, b) => a - b);
    const windowSeconds = (measureEnd - measureStart) / 1000;
    const measured = procSamples.filter((s) => s.phase === 'measure');
    const meanRss = measured.length ? measured.reduce((a, s) => a + s.rssBytes, 0) / measured.length : null;
    const cpuWindow = measured.length >= 2 ? cpuPercent(measured[0], measured[measured.length - 1]) : null;
    const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
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
      resolutionsPerSecond: round(counters.resolutions.filter(inWindow).length / windowSeconds),
      matchesFinished: counters.finished.length,
      latency: {
        count: lat.length,
        p50: round(percentile(lat, 50), 2),
        p95: round(percentile(lat, 95), 2),
        p99: round(percentile(lat, 99), 2),
        max: round(lat.length ? lat[lat.length - 1] : NaN, 2),
      },
      errors: Object.fromEntries(counters.errors),
      errorCount: counters.errorCount,
      server: {
        pid: pid ?? null,
        baselineRssMB: baseline ? round(baseline.rssBytes / MB) : null,
        meanRssMB: meanRss !== null ? round(meanRss / MB) : null,
        peakRssMB: procSamples.length ? round(Math.max(...procSamples.map((s) => s.rssBytes)) / MB) : null,
        rssPerMatchKB: meanRss !== null && baseline ? Math.round((meanRss - baseline.rssBytes) / 1024 / opts.matches) : null,
        cpuPercent: cpuWindow !== null ? Math.round(cpuWindow) : null,
      },
      generator: { cpuPercent: Math.round(genCpu), eventLoopDelayP99Ms: round(loop.percentile(99) / 1e6) },
      loadAverage: [round(load0, 2), round(load1, 2)],
      samples,
    };
  } finally {
    stopping = true;
    if (server) {
      await server.stop();
      if (counters.errorCount > 0 && process.env.LOAD_VERBOSE) console.error(server.output().slice(-4000));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The report as a few readable lines. */
export function formatReport(r: LoadReport): string {
  const l = r.latency;
  return [
    `${r.matches} concurrent 8-seat matches (${r.clients} clients), think ${r.thinkMs[0] / 1000}–${r.thinkMs[1] / 1000} s, measured ${r.seconds} s`,
    `live matches: min ${r.live.min}, mean ${r.live.mean}; ${r.acksPerSecond} orders/s acknowledged, ${r.resolutionsPerSecond} quarters resolved/s, ${r.matchesFinished} matches finished`,
    `order-ack latency (${l.count}): p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms`,
    `errors: ${r.errorCount}${r.errorCount ? ` ${JSON.stringify(r.errors)}` : ''}`,
    `server: RSS ${r.server.baselineRssMB} MB idle → ${r.server.meanRssMB} MB mean (peak ${r.server.peakRssMB} MB), ${r.server.rssPerMatchKB} kB per match; CPU ${r.server.cpuPercent}% of one core`,
    `generator: CPU ${r.generator.cpuPercent}% of one core, event-loop delay p99 ${r.generator.eventLoopDelayP99Ms} ms; machine load average ${r.loadAverage[0]} → ${r.loadAverage[1]} (${os.cpus().length} cores)`,
  ].join('\n');
}
