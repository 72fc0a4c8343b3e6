/**
 * Limits that protect a server process from one client or one address. Messages inside a room have
 * their own guards (server/message-guard.ts: 64 kB per message; server/rate-limit.ts: 30 at once, then
 * 10 a second per client); these act earlier, at the HTTP and WebSocket level, where the room never sees
 * the traffic.
 */
export type Limits = {
  /** Matches one address may create per minute (`create` and `joinOrCreate`); also the burst. 0 = no limit. */
  createsPerMinute: number;
  /** Largest matchmaking request body (bytes): options are a few hundred bytes, with a scenario of one's own up to 48 kB. */
  matchmakeBodyBytes: number;
  /** WebSocket frames one connection may send in a burst before it is cut off... */
  frameBurst: number;
  /** ...and per second after that. A real client sends a few a minute; a flood is closed, not answered. */
  framesPerSecond: number;
  /** Largest WebSocket frame (bytes); larger ones close the socket (the `ws` library enforces it). */
  maxPayload: number;
  /**
   * Take the client address from `X-Real-IP` / `X-Forwarded-For` (set this only behind a reverse proxy
   * that overwrites those headers, or anyone can pretend to be anyone).
   */
  trustProxy: boolean;
};

export const DEFAULT_LIMITS: Limits = {
  createsPerMinute: 30,
  matchmakeBodyBytes: 64 * 1024,
  frameBurst: 120,
  framesPerSecond: 40,
  maxPayload: 128 * 1024,
  trustProxy: false,
};

/** Limits from the environment (`ROOMS_PER_IP_PER_MINUTE`, `TRUST_PROXY`), over the defaults. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Limits> {
  const out: Partial<Limits> = {};
  const rooms = env.ROOMS_PER_IP_PER_MINUTE;
  if (rooms !== undefined && rooms !== '') {
    const n = Number(rooms);
    if (!Number.isInteger(n) || n < 0) throw new Error(`ROOMS_PER_IP_PER_MINUTE must be a whole number ≥ 0 (0 = no limit), not "${rooms}"`);
    out.createsPerMinute = n;
  }
  if (env.TRUST_PROXY !== undefined && env.TRUST_PROXY !== '') out.trustProxy = /^(1|true|yes)$/i.test(env.TRUST_PROXY);
  return out;
}

/**
 * Token buckets by key (an address, a socket). Full buckets are forgotten on a sweep, so a stream of
 * new addresses costs memory only while they are active.
 */
export class Buckets<K> {
  private readonly buckets = new Map<K, { tokens: number; at: number }>();
  private lastSweep: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Take one token for `key`; false when it has none left. */
  take(key: K): boolean {
    const t = this.now();
    if (t - this.lastSweep > 60_000) this.sweep(t);
    const b = this.buckets.get(key);
    if (!b) {
      if (this.capacity < 1) return false;
      this.buckets.set(key, { tokens: this.capacity - 1, at: t });
      return true;
    }
    b.tokens = Math.min(this.capacity, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Seconds until `key` has a token again (0 if it has one). */
  waitSeconds(key: K): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    const tokens = Math.min(this.capacity, b.tokens + ((this.now() - b.at) / 1000) * this.perSecond);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.perSecond);
  }

  forget(key: K): void {
    this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(t: number) {
    this.lastSweep = t;
    for (const [k, b] of this.buckets) if (b.tokens + ((t - b.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(k);
  }
}
