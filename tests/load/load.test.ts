import { describe, expect, it } from 'vitest';
import { assertLoopback, runLoad } from './runner.js';
import { thinkArg } from './load.js';
import { soakVerdict } from './soak.js';

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
  });

  it('spreads the clients over worker threads and still counts every acknowledgement', async () => {
    const r = await runLoad({ matches: 2, workers: 2, seconds: 3, rampSeconds: 1, thinkMs: [20, 120], turns: 2, sampleSeconds: 1 });
    expect(r.errors).toEqual({});
    expect(r.generator.threads).toBe(2);
    expect(r.matchesFinished).toBeGreaterThanOrEqual(2);
    expect(r.latency.count).toBeGreaterThan(10);
    expect(r.live.min).toBe(2);
  });

  it('calls memory flat or growing from RSS samples', () => {
    const flat = Array.from({ length: 120 }, (_, i) => ({ t: i * 5, rssMB: 200 + (i % 3) }));
    expect(soakVerdict(flat).flat).toBe(true);
    const growing = Array.from({ length: 120 }, (_, i) => ({ t: i * 5, rssMB: 200 + i }));
    expect(soakVerdict(growing)).toMatchObject({ flat: false });
    expect(soakVerdict(growing).slopeMBPerMinute).toBeCloseTo(12, 0);
  });
});
