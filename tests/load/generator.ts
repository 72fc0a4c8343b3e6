import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, type Room } from 'colyseus.js';
import seedrandom from 'seedrandom';
import { builtinScenario, type Order, type OrdersAck, type SeatId, type SeatView, type ServerError } from '../../shared/index.js';
import { ShadowMatch } from './shadow.js';

/**
 * The clients of the load generator: a share of the run's match slots, each slot playing 8-seat matches one
 * after another (every seat a real colyseus.js client). Runs in the load runner's own thread or in a worker
 * thread (load-worker.ts), so that one thread's garbage collections do not stall every client at once.
 */
export type GeneratorConfig = {
  endpoint: string;
  /** The slot numbers this generator plays (they seed the matches). */
  slots: number[];
  /** Every slot of the run, to spread the start of this generator's slots over the ramp. */
  totalSlots: number;
  rampMs: number;
  thinkMs: [number, number];
  turns?: number;
  scenario: string;
  seed: string;
  stepTimeoutMs: number;
  /**
   * Each slot's first match is cut short, to 1 + (slot mod the match's quarters) quarters, so that from the start the
   * live matches are at every stage and finish at different times (as on a server people use). Without it every
   * match starts within the ramp and they end, and are replaced, together, in waves a match long.
   */
  stagger?: boolean;
};

/** What happened since the last tick. Times are epoch milliseconds (comparable across threads). */
export type GeneratorTick = {
  /** Acknowledged orders: [at, ms, at, ms, …]. */
  acks: number[];
  errors: Record<string, number>;
  resolutions: number[];
  finished: number[];
  /** Matches in play now, and slots whose first match has started. */
  live: number;
  started: number;
  /** The longest this thread's event loop stalled since the last tick, ms. */
  loopMaxMs: number;
};

/** Quarters of a slot's `n`th match (undefined: the scenario's own): with `stagger`, the first is cut to 1 + (slot mod the quarters). */
export function matchTurns(cfg: Pick<GeneratorConfig, 'turns' | 'stagger' | 'scenario'>, slot: number, n: number): number | undefined {
  const full = cfg.turns ?? builtinScenario(cfg.scenario)?.turns;
  return cfg.stagger && n === 0 && full ? 1 + (slot % full) : cfg.turns;
}

export const epochNow = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** A deadline for a race that must not keep the thread (or process) alive once the race is won. */
export const deadline = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** Flatten the items of a growing list of strings from index `from` on; returns the new length. */
function flattenFrom(list: ArrayLike<string> | undefined, from: number): number {
  if (!list) return from;
  const n = list.length;
  for (let i = n < from ? 0 : from; i < n; i++) Number(list[i]);
  return n;
}

class LoadFailure extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

type Waiter = { pred: () => boolean; resolve: () => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };
type SubmitResult = { ok: true; ms: number } | { ok: false; code: string };

/** One seat's client: waits on what it receives instead of polling. */
class SeatClient {
  private waiters: Waiter[] = [];
  private pendingSubmit: { turn: number; t0: number; resolve: (r: SubmitResult) => void } | undefined;
  you = false;
  viewTurn = -1;
  phase = '';
  left = false;
  leaving = false;
  private flattenedEvents = 0;
  private flattenedSeries = 0;

  constructor(
    readonly room: Room,
    readonly seat: SeatId,
    private readonly gen: LoadGenerator,
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
      } else gen.error(`server-error:${e.code}`);
    });
    // Chat, notices, drafts, proposals: received and ignored (and no "not registered" warnings).
    room.onMessage('*', () => undefined);
    room.onStateChange((s: { phase?: string; publicJson?: string; publicEvents?: ArrayLike<string>; publicSeries?: ArrayLike<string> }) => {
      this.phase = s.phase ?? '';
      // The schema decoder builds strings a character at a time, as ropes of as many pieces, which cost every
      // later garbage collection dearly (each client holds the whole public history). A browser flattens them when
      // it parses the JSON; converting to a number flattens a string in place too, at a fraction of the cost (the
      // reveal makes the head ~65 kB at the end). The history lists only grow: each new item is flattened once.
      if (s.publicJson) Number(s.publicJson);
      this.flattenedEvents = flattenFrom(s.publicEvents, this.flattenedEvents);
      this.flattenedSeries = flattenFrom(s.publicSeries, this.flattenedSeries);
      this.check();
    });
    room.onLeave((code) => {
      this.left = true;
      if (!this.leaving && !gen.stopping) gen.error(`disconnected:${code}`);
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

  submit(turn: number, orders: Order[], timeoutMs: number): Promise<SubmitResult> {
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

export class LoadGenerator {
  stopping = false;
  private acks: number[] = [];
  private errors = new Map<string, number>();
  private resolutions: number[] = [];
  private finished: number[] = [];
  private live = 0;
  private started = 0;
  private readonly startedFirst = new Set<number>();
  /** Every seat client in a match now, so that stopping can close them all at once. */
  private readonly active = new Set<SeatClient>();
  private slotsDone: Promise<unknown> = Promise.resolve();
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });

  constructor(private readonly cfg: GeneratorConfig) {}

  error(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  start(): void {
    this.loop.enable();
    const { slots, totalSlots, rampMs } = this.cfg;
    this.slotsDone = Promise.all(
      slots.map(async (slot) => {
        await sleep((slot * rampMs) / totalSlots);
        for (let n = 0; !this.stopping; n++) {
          await this.playMatch(slot, n);
          if (!this.startedFirst.has(slot) && !this.stopping) await sleep(1000); // a failed first start: retry, not spin
        }
      }),
    );
  }

  /** What happened since the last call. */
  tick(): GeneratorTick {
    const t: GeneratorTick = {
      acks: this.acks,
      errors: Object.fromEntries(this.errors),
      resolutions: this.resolutions,
      finished: this.finished,
      live: this.live,
      started: this.started,
      loopMaxMs: Math.round(this.loop.max / 1e5) / 10,
    };
    this.acks = [];
    this.errors = new Map();
    this.resolutions = [];
    this.finished = [];
    this.loop.reset();
    return t;
  }

  /** Abandon every match: all clients leave now (pending waits end as disconnections, not errors). */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.active].map((c) => c.leave()));
    await Promise.race([this.slotsDone, deadline(this.cfg.thinkMs[1] + 2 * this.cfg.stepTimeoutMs)]);
    this.loop.disable();
  }

  private async playMatch(slot: number, n: number): Promise<void> {
    const { endpoint, scenario, seed, stepTimeoutMs: stepTimeout } = this.cfg;
    const [thinkMin, thinkMax] = this.cfg.thinkMs;
    const matchSeed = `${seed}:${slot}:${n}`;
    const rng = seedrandom(`${matchSeed}:think`);
    const think = () => thinkMin + rng() * (thinkMax - thinkMin);
    const turns = matchTurns(this.cfg, slot, n);
    const shadow = new ShadowMatch(scenario, matchSeed, turns, { record: false });
    const seats = shadow.seats;
    const clients: SeatClient[] = [];
    let counted = false;
    try {
      const create = { scenario, seed: matchSeed, ...(turns ? { turns } : {}) };
      const first = await new Client(endpoint).create('match', { create, join: { seat: seats[0], name: `load ${seats[0]}` } });
      const add = (c: SeatClient) => {
        clients.push(c);
        this.active.add(c);
        if (this.stopping) void c.leave();
      };
      add(new SeatClient(first, seats[0], this));
      this.live++;
      counted = true;
      const joined = await Promise.allSettled(
        seats.slice(1).map(async (seat) => {
          const room = await new Client(endpoint).joinById(first.roomId, { join: { seat, name: `load ${seat}` } });
          add(new SeatClient(room, seat, this));
        }),
      );
      const failed = joined.find((j) => j.status === 'rejected');
      if (failed) throw new LoadFailure('join', String((failed as PromiseRejectedResult).reason));
      await Promise.all(clients.map((c) => c.until(() => c.you, stepTimeout, 'you')));
      clients[0].room.send('start', {});
      await Promise.all(clients.map((c) => c.until(() => c.phase === 'orders', stepTimeout, 'orders phase')));
      if (!this.startedFirst.has(slot)) {
        this.startedFirst.add(slot);
        this.started++;
      }
      while (!shadow.finished && !this.stopping) {
        const turn = shadow.turn;
        const given: Partial<Record<SeatId, Order[]>> = {};
        await Promise.all(
          clients.map(async (c) => {
            await sleep(think());
            if (this.stopping) throw new LoadFailure('disconnected', 'stopping');
            const orders = shadow.orders(c.seat);
            const r = await c.submit(turn, orders, stepTimeout);
            if (!r.ok) throw new LoadFailure(`submit:${r.code}`, `${c.seat} turn ${turn}: ${r.code}`);
            this.acks.push(epochNow(), r.ms);
            given[c.seat] = orders;
          }),
        );
        shadow.resolve(given);
        await Promise.all(clients.map((c) => c.until(() => c.viewTurn >= turn + 1, stepTimeout, 'resolution')));
        this.resolutions.push(epochNow());
      }
      if (shadow.finished) this.finished.push(epochNow());
    } catch (e) {
      // Once stopping, every match is abandoned on purpose: what fails then is not an error.
      if (!this.stopping) this.error(e instanceof LoadFailure ? e.kind : `matchmake:${(e as Error).message.slice(0, 60)}`);
    } finally {
      await Promise.all(clients.map((c) => c.leave()));
      for (const c of clients) this.active.delete(c);
      if (counted) this.live--;
    }
  }
}
