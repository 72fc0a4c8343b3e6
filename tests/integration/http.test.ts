import type { Health } from '../../server/health.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.js';
import { BUILTIN_SCENARIOS } from '../../shared/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'leadtime-http-'));
let server: RunningServer;
let base: string;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HTTP routes', () => {
  beforeAll(async () => {
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Lead Time client</title>');
    writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir: path.join(dir, 'data'), clientDir: dir });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers health checks and lists the built-in scenarios', async () => {
    const health = (await (await fetch(`${base}/healthz`)).json()) as Health;
    expect(health).toMatchObject({ ok: true, rooms: expect.any(Number), clients: expect.any(Number) });
    expect(health.rssMB).toBeGreaterThan(10);
    expect(health.heapMB).toBeGreaterThan(1);
    expect(health.heapTotalMB).toBeGreaterThanOrEqual(health.heapMB);
    expect(health.externalMB).toBeGreaterThanOrEqual(health.arrayBuffersMB);
    const list = (await (await fetch(`${base}/api/scenarios`)).json()) as { id: string; turns: number }[];
    expect(list.map((s) => s.id)).toEqual(BUILTIN_SCENARIOS.map((s) => s.id));
    expect(list[0]).toEqual({ id: BUILTIN_SCENARIOS[0].id, name: BUILTIN_SCENARIOS[0].name, description: BUILTIN_SCENARIOS[0].description, turns: BUILTIN_SCENARIOS[0].turns });
  });

  it('reports the heap left after the latest major garbage collection', async () => {
    // A major collection on demand (the trick behind --expose-gc), then a moment for perf_hooks to report it.
    v8.setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    await new Promise((r) => setTimeout(r, 50));
    const health = (await (await fetch(`${base}/healthz`)).json()) as Health;
    expect(health.gc).toMatchObject({ heapAfterMajorMB: expect.any(Number), majorAgoSeconds: expect.any(Number), majors: expect.any(Number) });
    expect(health.gc!.majors).toBeGreaterThanOrEqual(1);
    expect(health.gc!.heapAfterMajorMB).toBeGreaterThan(1);
    expect(health.gc!.majorAgoSeconds).toBeLessThan(5);
  });

  it('serves the built client, with index.html for join links', async () => {
    expect(await (await fetch(`${base}/app.js`)).text()).toBe('console.log(1)');
    const join = await fetch(`${base}/join/ACDEFG`);
    expect(join.status).toBe(200);
    expect(await join.text()).toContain('Lead Time client');
    expect((await fetch(`${base}/api/nothing`)).status).toBe(404);
  });

  it('refuses a second server in the same process', async () => {
    await expect(startServer({ port: 0, host: '127.0.0.1', dataDir: path.join(dir, 'data3') })).rejects.toThrow(/already running/);
  });
});

// Colyseus's matchmaker is a process-wide singleton: one server at a time, so this one runs after the first closed.
describe('without a built client', () => {
  it('explains how to build the client when it is missing', async () => {
    const bare = await startServer({ port: 0, host: '127.0.0.1', dataDir: path.join(dir, 'data2'), clientDir: path.join(dir, 'missing') });
    try {
      const res = await fetch(`http://127.0.0.1:${bare.port}/`);
      expect(await res.text()).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
