import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client } from 'colyseus.js';
import { matchMaker } from '@colyseus/core';
import { startServer, type RunningServer } from '../../server/app.js';
import { Buckets, limitsFromEnv } from '../../server/limits/limits.js';
import { Player, waitFor } from '../integration/harness.js';

/** The per-address and per-connection limits, with a low room limit so it is reached quickly. */
const ROOMS_PER_MINUTE = 6;
let server: RunningServer;
let endpoint: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'leadtime-limits-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, limits: { createsPerMinute: ROOMS_PER_MINUTE } });
  endpoint = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (route: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${endpoint}/matchmake/${route}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers }, duplex: 'half' } as RequestInit);

describe('limits that protect the server', () => {
  it('refuses matchmaking bodies over 64 kB, with or without a length', async () => {
    const big = JSON.stringify({ join: { name: 'x' }, pad: 'p'.repeat(70_000) });
    const r = await post('joinById/ABCDEF', big);
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: string }).error).toMatch(/too large/);
    // Chunked: no Content-Length, the body is counted as it arrives.
    const chunks = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('p'.repeat(4000)));
        c.close();
      },
    });
    const chunked = await post('joinById/ABCDEF', chunks).catch((e: Error) => e);
    // Either the 413 arrives or the server dropped the upload mid-way: never a seat reservation.
    if (chunked instanceof Response) expect(chunked.status).toBe(413);
    expect((await fetch(`${endpoint}/healthz`)).status).toBe(200);
  });

  it('cuts off a connection that floods, and only that one', async () => {
    const host = await Player.create(endpoint, { create: { seed: 'limits' }, join: { seat: 'US', name: 'Host' } });
    const flood = await Player.join(endpoint, host.code, { join: { name: 'flood' } });
    await waitFor(() => flood.you() !== undefined, 'flooder joined');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (let i = 0; i < 500; i++) flood.send('noise', { i });
    await waitFor(() => !flood.room.connection.isOpen, 'flooder cut off');
    vi.restoreAllMocks();
    // Within the burst the room answered (errors, then rate-limited); beyond it the socket was closed.
    expect(flood.errors().length).toBeGreaterThan(0);
    expect(flood.errors().length).toBeLessThan(500);
    expect(host.room.connection.isOpen).toBe(true);
    host.send('start', {});
    await waitFor(() => host.state.phase === 'orders', 'host plays on');
    await host.leave();
  });

  it(`lets one address create at most ${ROOMS_PER_MINUTE} matches a minute; X-Forwarded-For does not get round it`, async () => {
    const made: Player[] = [];
    let refusal: unknown;
    // One match was made above; the budget refills at 6 a minute, so the 7th try in a few seconds is refused.
    for (let i = 0; i < ROOMS_PER_MINUTE + 1 && !refusal; i++) {
      try {
        made.push(await Player.create(endpoint, { create: { seed: `limit-${i}` }, join: { name: 'P' } }));
      } catch (e) {
        refusal = e;
      }
    }
    expect(made.length).toBeGreaterThanOrEqual(ROOMS_PER_MINUTE - 1);
    expect(made.length).toBeLessThanOrEqual(ROOMS_PER_MINUTE);
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as { code?: number }).code).toBe(429);
    expect((refusal as Error).message).toMatch(/Too many matches created from this address; try again in \d+ s/);
    const rooms = (await matchMaker.query({})).length;
    const spoofed = await post('create/match', JSON.stringify({ create: {}, join: { name: 'x' } }), { 'X-Forwarded-For': '203.0.113.9', 'X-Real-IP': '203.0.113.9' });
    expect(spoofed.status).toBe(429);
    expect(spoofed.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await new Client(endpoint).joinOrCreate('match', { create: {}, join: {} }).then(() => 'joined', (e: { code?: number }) => e.code)).toBe(429);
    expect((await matchMaker.query({})).length).toBe(rooms);
    // Joining is not limited: a player can still join an existing match by code.
    const joiner = await Player.join(endpoint, made[0].code, { join: { name: 'J' } });
    await waitFor(() => joiner.you() !== undefined, 'joined by code');
    await Promise.all([...made, joiner].map((p) => p.leave()));
  });
});

describe('the limit settings', () => {
  it('reads ROOMS_PER_IP_PER_MINUTE and TRUST_PROXY, and refuses nonsense', () => {
    expect(limitsFromEnv({})).toEqual({});
    expect(limitsFromEnv({ ROOMS_PER_IP_PER_MINUTE: '0', TRUST_PROXY: '1' })).toEqual({ createsPerMinute: 0, trustProxy: true });
    expect(limitsFromEnv({ TRUST_PROXY: 'no' })).toEqual({ trustProxy: false });
    expect(() => limitsFromEnv({ ROOMS_PER_IP_PER_MINUTE: 'many' })).toThrow(/ROOMS_PER_IP_PER_MINUTE/);
    expect(() => limitsFromEnv({ ROOMS_PER_IP_PER_MINUTE: '-3' })).toThrow();
  });

  it('buckets refill over time and forget idle keys', () => {
    let now = 0;
    const b = new Buckets<string>(2, 1, () => now);
    expect([b.take('a'), b.take('a'), b.take('a')]).toEqual([true, true, false]);
    expect(b.waitSeconds('a')).toBe(1);
    now = 1000;
    expect(b.take('a')).toBe(true);
    expect(b.take('b')).toBe(true);
    now = 120_000;
    b.take('c');
    expect(b.size).toBe(1);
  });
});
