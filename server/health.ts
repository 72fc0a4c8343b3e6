import { monitorEventLoopDelay } from 'node:perf_hooks';
import { matchMaker } from '@colyseus/core';

/** What `GET /healthz` answers: enough for an operator (or the load generator) to see the process is keeping up. */
export type Health = {
  ok: true;
  /** Rooms and connected clients in this process. */
  rooms: number;
  clients: number;
  rssMB: number;
  heapMB: number;
  /** Event-loop delay over the last complete window, ms: how long a message may have waited to be handled. */
  eventLoop: { windowSeconds: number; p50: number; p99: number; max: number } | null;
};

const WINDOW_MS = 5000;
const round = (x: number) => Math.round(x * 100) / 100;

/** Samples the event loop in fixed windows; `stop` before the process should be allowed to exit. */
export function startHealth(): { read: () => Health; stop: () => void } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let last: Health['eventLoop'] = null;
  const timer = setInterval(() => {
    last = { windowSeconds: WINDOW_MS / 1000, p50: round(histogram.percentile(50) / 1e6), p99: round(histogram.percentile(99) / 1e6), max: round(histogram.max / 1e6) };
    histogram.reset();
  }, WINDOW_MS);
  timer.unref();
  const read = (): Health => {
    const rooms = matchMaker.stats.local;
    const mem = process.memoryUsage();
    return { ok: true, rooms: rooms.roomCount, clients: rooms.ccu, rssMB: round(mem.rss / 2 ** 20), heapMB: round(mem.heapUsed / 2 ** 20), eventLoop: last };
  };
  return { read, stop: () => (clearInterval(timer), histogram.disable()) };
}
