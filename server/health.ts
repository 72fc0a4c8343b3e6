import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import v8 from 'node:v8';
import { matchMaker } from '@colyseus/core';

/** What `GET /healthz` answers: enough for an operator (or the load generator) to see the process is keeping up. */
export type Health = {
  ok: true;
  /** Rooms and connected clients in this process. */
  rooms: number;
  clients: number;
  rssMB: number;
  /** V8 heap in use now: live objects plus garbage not yet collected (so it rises and falls between collections). */
  heapMB: number;
  /** V8 heap taken from the system: in use plus the headroom V8 keeps for allocation until its next major collection. */
  heapTotalMB: number;
  /** Memory held outside the V8 heap for JS objects (Buffers, ArrayBuffers, native bindings); includes `arrayBuffersMB`. */
  externalMB: number;
  /** Buffers and ArrayBuffers alone (encoder buffers, socket frames). */
  arrayBuffersMB: number;
  /**
   * The V8 heap in use just after the most recent major (mark-sweep-compact) collection: the live heap, the figure
   * that a leak makes grow. Null until the first major collection.
   */
  gc: { heapAfterMajorMB: number; majorAgoSeconds: number; majors: number } | null;
  /** Event-loop delay over the last complete window, ms: how long a message may have waited to be handled. */
  eventLoop: { windowSeconds: number; p50: number; p99: number; max: number } | null;
};

const WINDOW_MS = 5000;
const round = (x: number) => Math.round(x * 100) / 100;
const mb = (bytes: number) => round(bytes / 2 ** 20);

/**
 * Watches garbage collections and, after each major one, notes the heap in use. perf_hooks reports a collection a
 * moment after it ends (asynchronously), so the figure may include a little that was
 * allocated since. Cheap: one callback per batch of collections, one `getHeapStatistics` per major collection.
 */
function watchMajorGc(): { read: () => Health['gc']; stop: () => void } {
  let last: { heapBytes: number; at: number } | undefined;
  let majors = 0;
  const observer = new PerformanceObserver((list) => {
    const major = list.getEntries().some((e: PerformanceEntry) => (e as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR);
    if (!major) return;
    majors++;
    last = { heapBytes: v8.getHeapStatistics().used_heap_size, at: performance.now() };
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    read: () => (last ? { heapAfterMajorMB: mb(last.heapBytes), majorAgoSeconds: round((performance.now() - last.at) / 1000), majors } : null),
    stop: () => observer.disconnect(),
  };
}

/** Samples the event loop in fixed windows; `stop` before the process should be allowed to exit. */
export function startHealth(): { read: () => Health; stop: () => void } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const gc = watchMajorGc();
  let last: Health['eventLoop'] = null;
  const timer = setInterval(() => {
    last = { windowSeconds: WINDOW_MS / 1000, p50: round(histogram.percentile(50) / 1e6), p99: round(histogram.percentile(99) / 1e6), max: round(histogram.max / 1e6) };
    histogram.reset();
  }, WINDOW_MS);
  timer.unref();
  const read = (): Health => {
    const rooms = matchMaker.stats.local;
    const mem = process.memoryUsage();
    return {
      ok: true,
      rooms: rooms.roomCount,
      clients: rooms.ccu,
      rssMB: mb(mem.rss),
      heapMB: mb(mem.heapUsed),
      heapTotalMB: mb(mem.heapTotal),
      externalMB: mb(mem.external),
      arrayBuffersMB: mb(mem.arrayBuffers),
      gc: gc.read(),
      eventLoop: last,
    };
  };
  return { read, stop: () => (clearInterval(timer), histogram.disable(), gc.stop()) };
}
