import { describe, expect, it } from 'vitest';
import { assertLoopback, runLoad, type LoadSample } from './runner.js';
import { thinkArg } from './load.js';
import { matchTurns } from './generator.js';
import { collectionsOf, soakVerdict } from './soak.js';

describe('the load generator', () => {
  it('refuses any host but loopback', () => {
    expect(() => assertLoopback('http://example.org:2567')).toThrow(/only targets 127\.0\.0\.1/);
    expect(() => assertLoopback('http://10.0.0.5:2567')).toThrow(/only targets/);
    expect(() => assertLoopback('http://127.0.0.1.example.org')).toThrow(/only targets/);
    expect(() => assertLoopback('ftp://127.0.0.1')).toThrow(/protocol/);
    expect(assertLoopback('http://127.0.0.1:2567').port).toBe('2567');
    expect(assertLoopback('ws://localhost:1').hostname).toBe('localhost');
    expect(thinkArg('2-20', [0, 0])).toEqual([2000, 20_000]);
    expect(thinkArg('0.5', [0, 0])).toEqual([500, 500]);
    expect(() => thinkArg('soon', [0, 0])).toThrow();
  });

  it('bounds what it will do', async () => {
    await expect(runLoad({ matches: 0, seconds: 1, thinkMs: [0, 0] })).rejects.toThrow(/matches/);
    await expect(runLoad({ matches: 100_000, seconds: 1, thinkMs: [0, 0] })).rejects.toThrow(/matches/);
    await expect(runLoad({ matches: 1, seconds: 1e9, thinkMs: [0, 0] })).rejects.toThrow(/seconds/);
    await expect(runLoad({ matches: 1, seconds: 1, thinkMs: [0, 0], url: 'http://192.168.1.1:2567' })).rejects.toThrow(/loopback/);
  });

  it('plays whole 8-seat matches against its own server child, with every order acknowledged', async () => {
    const r = await runLoad({ matches: 3, seconds: 4, rampSeconds: 1, thinkMs: [20, 120], turns: 3, sampleSeconds: 1 });
    expect(r.errors).toEqual({});
    expect(r.clients).toBe(24);
    expect(r.matchesFinished).toBeGreaterThanOrEqual(3);
    expect(r.latency.count).toBeGreaterThan(20);
    expect(r.latency.p50).toBeGreaterThan(0);
    expect(r.server.baselineRssMB).toBeGreaterThan(10);
    expect(r.server.cpuPercent).not.toBeNull();
    expect(r.samples.length).toBeGreaterThan(2);
    expect(r.samples.some((s) => s.heapMB !== null && s.arrayBuffersMB !== null)).toBe(true);
  });

  it('staggers the first matches: slot n plays 1 + n mod the quarters first, then whole matches', async () => {
    const cfg = { scenario: 'baseline', stagger: true };
    expect([0, 1, 9, 10, 23].map((slot) => matchTurns(cfg, slot, 0))).toEqual([1, 2, 10, 1, 4]);
    expect(matchTurns(cfg, 7, 1)).toBeUndefined();
    expect(matchTurns({ ...cfg, turns: 3 }, 4, 0)).toBe(2);
    expect(matchTurns({ ...cfg, stagger: false, turns: 3 }, 4, 0)).toBe(3);
    const r = await runLoad({ matches: 3, seconds: 2, rampSeconds: 1, thinkMs: [20, 60], turns: 3, stagger: true, sampleSeconds: 1 });
    expect(r.errors).toEqual({});
    expect(r.matchesFinished).toBeGreaterThanOrEqual(3);
  });

  it('spreads the clients over worker threads and still counts every acknowledgement', async () => {
    // Staggered slots play a 1- and a 2-quarter match first, then 3-quarter ones.
    const r = await runLoad({ matches: 2, workers: 2, seconds: 6, rampSeconds: 1, thinkMs: [20, 120], turns: 3, stagger: true, sampleSeconds: 0.5 });
    expect(r.errors).toEqual({});
    expect(r.generator.threads).toBe(2);
    expect(r.latency.count).toBeGreaterThan(10);
    // More matches finished than there are slots: a worker thread replaced a finished match with a new one.
    // How many are live at each sampled moment depends on the host's speed, so it is reported, not asserted.
    expect(r.matchesFinished).toBeGreaterThanOrEqual(3);
    expect(r.live.mean).toBeGreaterThan(0);
  });

  it('calls memory flat or growing from the heap after major collections, with RSS beside it', () => {
    const t = (i: number) => i * 5;
    const steady = Array.from({ length: 120 }, (_, i) => ({ t: t(i), rssMB: 200 + (i % 3) }));
    const rising = Array.from({ length: 120 }, (_, i) => ({ t: t(i), rssMB: 200 + i }));
    const gcsFlat = Array.from({ length: 40 }, (_, i) => ({ t: i * 15, heapMB: 80 + (i % 4) }));
    const gcsGrowing = Array.from({ length: 40 }, (_, i) => ({ t: i * 15, heapMB: 80 + i / 2 }));

    expect(soakVerdict(steady, gcsFlat)).toMatchObject({ flat: true, rss: { flat: true } });
    // RSS rising while the live heap is flat: reported, but the heap decides.
    const headroom = soakVerdict(rising, gcsFlat);
    expect(headroom).toMatchObject({ flat: true, rss: { flat: false } });
    expect(headroom.rss.slopeMBPerMinute).toBeCloseTo(12, 0);
    // A live heap that grows 2 MB a minute is growing, whatever RSS does.
    const leak = soakVerdict(steady, gcsGrowing);
    expect(leak.flat).toBe(false);
    expect(leak.heapAfterGc?.slopeMBPerMinute).toBeCloseTo(2, 1);
    expect(leak.heapAfterGc?.slopeErrorMBPerMinute).toBeCloseTo(0, 5);
    expect(soakVerdict(steady, gcsFlat).heapAfterGc?.slopeErrorMBPerMinute).toBeGreaterThan(0);
    // No collections, or too few in the second half: unknown, which is not flat.
    expect(soakVerdict(steady, [])).toMatchObject({ flat: false, heapAfterGc: null });
    expect(soakVerdict(steady, gcsFlat.slice(0, 3)).flat).toBe(false);
  });

  it('counts each major collection once, inside the window', () => {
    const s = (t: number, majors: number | null, at = t - 1): LoadSample =>
      ({ t, gc: majors === null ? null : { heapAfterMB: 50 + majors, at, majors } }) as LoadSample;
    const samples = [s(5, null), s(10, 1), s(15, 1), s(20, 2), s(25, 2), s(30, 3), s(35, 4)];
    expect(collectionsOf(samples, 12, 40)).toEqual([
      { t: 19, heapMB: 52 },
      { t: 29, heapMB: 53 },
      { t: 34, heapMB: 54 },
    ]);
  });
});
