import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { RedisPresence } from '@colyseus/redis-presence';
import { publicView, type OrdersAck, type RoomListing } from '../../shared/index.js';
import { CODE_KEY_PREFIX, reserveCode } from '../../server/room-code.js';
import { freePort } from '../integration/child-server.js';
import { Player, sleep, waitFor } from '../integration/harness.js';
import { ShadowMatch } from '../load/shadow.js';
import { redisAvailability, startRedis, type RedisServer } from './redis-server.js';
import { startServerProcess, type ServerProcess } from './processes.js';

/**
 * Scale-out with real processes: one throw-away redis-server and two Lead Time servers sharing it
 * (REDIS_URL), each with its own port, PUBLIC_ADDRESS and data folder. Clients matchmake through
 * either; the room lives in one of them; colyseus.js connects to the process named in the seat reservation.
 */
const availability = redisAvailability();
if (availability !== true) console.warn(`tests/scale: ${availability}`);

let redis: RedisServer;
let a: ServerProcess;
let b: ServerProcess;
let presence: RedisPresence;
const dirs: string[] = [];
const open: Player[] = [];

async function startProcess(): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'leadtime-scale-'));
  dirs.push(dataDir);
  return startServerProcess(port, { REDIS_URL: redis.url, PUBLIC_ADDRESS: `127.0.0.1:${port}`, DATA_DIR: dataDir });
}

/** The port of the process a client's WebSocket actually connected to. */
function connectedPort(p: Player): number {
  const ws = (p.room.connection as unknown as { transport: { ws: { url: string } } }).transport.ws;
  return Number(new URL(ws.url).port);
}

async function create(endpoint: string, options: object): Promise<Player> {
  const p = await Player.create(endpoint, options);
  open.push(p);
  return p;
}

async function join(endpoint: string, code: string, options: object): Promise<Player> {
  const p = await Player.join(endpoint, code, options);
  open.push(p);
  return p;
}

describe.skipIf(availability !== true)('two server processes sharing one Redis', () => {
  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await Promise.all([startProcess(), startProcess()]);
    presence = new RedisPresence(redis.url);
  });

  afterAll(async () => {
    await Promise.all(open.splice(0).map((p) => p.leave().catch(() => undefined)));
    presence?.shutdown();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a match created through A is joined through B, with all eight seats, and its quarter resolves', async () => {
    // New rooms go to the process with the fewest (as last reported to Redis), so a few matches cover both
    // cases: a room held by A reached through B, and a room held by B created through A.
    const holders = new Set<number>();
    for (let m = 0; m < 6 && holders.size < 2; m++) {
      // Each process reports its room count to Redis at most once a second.
      if (m > 0) await sleep(1100);
      const seed = `scale-${m}`;
      const shadow = new ShadowMatch('baseline', seed);
      const seats = shadow.seats;
      const players: Player[] = [await create(a.endpoint, { create: { seed }, join: { seat: seats[0], name: `${seats[0]} lead` } })];
      const code = players[0].code;
      for (const [i, seat] of seats.slice(1).entries()) players.push(await join(i % 2 === 0 ? b.endpoint : a.endpoint, code, { join: { seat, name: `${seat} lead` } }));
      await waitFor(() => players.every((p) => p.you() !== undefined), 'every seat joined');
      const holder = connectedPort(players[0]);
      holders.add(holder);
      expect([a.port, b.port]).toContain(holder);
      // Every client ends up on the process that holds the room, whichever process it matchmade through.
      expect(players.map(connectedPort)).toEqual(players.map(() => holder));
      expect(players.map((p) => p.you()?.seat)).toEqual([...seats]);

      players[0].send('start', {});
      await waitFor(() => players.every((p) => p.state.phase === 'orders'), 'orders phase');
      const given: Record<string, ReturnType<ShadowMatch['orders']>> = {};
      const acks = await Promise.all(
        players.map((p, i) => {
          const orders = shadow.orders(seats[i]);
          given[seats[i]] = orders;
          return p.request<OrdersAck>('submit', { turn: 0, orders }, ['ack', 'error']);
        }),
      );
      expect(acks.map((r) => r.type)).toEqual(players.map(() => 'ack'));
      shadow.resolve(given);
      await waitFor(() => players.every((p) => p.state.turn === 1 && p.latestSeatView()?.turn === 1), 'turn 1 everywhere');
      // The server resolved exactly what the client-side model resolved: same public dashboard.
      expect(players[1].pub).toEqual(JSON.parse(JSON.stringify(publicView(shadow.world))));
      for (const [i, p] of players.entries()) expect(p.latestSeatView()?.seat).toBe(seats[i]);
    }
    expect([...holders].sort()).toEqual([a.port, b.port].sort());
  });

  it('lists the public matches of every process from either process, and never a private one', async () => {
    const listed: Player[] = [];
    for (let i = 0; i < 6 && new Set(listed.map(connectedPort)).size < 2; i++) {
      if (i > 0) await sleep(1100);
      listed.push(await create(i % 2 ? b.endpoint : a.endpoint, { create: { seed: `list-${i}` }, join: { seat: 'US' } }));
    }
    expect(new Set(listed.map(connectedPort)).size, 'public rooms on both processes').toBe(2);
    const hidden = await create(a.endpoint, { create: { seed: 'list-private', isPrivate: true }, join: { seat: 'US' } });
    for (const endpoint of [a.endpoint, b.endpoint]) {
      const list = (await (await fetch(`${endpoint}/api/matches`)).json()) as RoomListing[];
      const codes = list.map((l) => l.code);
      expect(codes).toEqual(expect.arrayContaining(listed.map((p) => p.code)));
      expect(codes).not.toContain(hidden.code);
    }
  });

  it('reserves each room code in Redis, so no other process can take it', async () => {
    const codes = new Set<string>();
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => create(i % 2 ? a.endpoint : b.endpoint, { create: { seed: `codes-${i}` }, join: { name: 'P' } })));
    for (const p of made) codes.add(p.code);
    expect(codes.size).toBe(12);
    for (const code of codes) {
      expect(await presence.exists(CODE_KEY_PREFIX + code)).toBe(true);
      expect(await reserveCode(code, presence)).toBe(false);
    }
    // Many processes racing for one code: exactly one wins (INCR is atomic in Redis).
    const other = new RedisPresence(redis.url);
    try {
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => reserveCode('RACE77', i % 2 ? presence : other)));
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      other.shutdown();
    }
  });

  it('reconnects a dropped player through the other process', async () => {
    const us = await create(a.endpoint, { create: { seed: 'reconnect' }, join: { seat: 'US', name: 'Alice' } });
    const cn = await join(a.endpoint, us.code, { join: { seat: 'CN', name: 'Bo' } });
    await waitFor(() => cn.you() !== undefined && us.state.seats.CN?.connected === true, 'CN joined, as US sees it');
    const holder = connectedPort(cn);
    const other = holder === a.port ? b : a;
    cn.room.connection.close();
    await waitFor(() => us.state.seats.CN?.connected === false, 'CN shown disconnected');
    const back = new Player(await new Client(other.endpoint).reconnect(cn.room.reconnectionToken));
    open.push(back);
    await waitFor(() => back.you() !== undefined, 'you after reconnecting');
    expect(back.you()).toMatchObject({ seat: 'CN', name: 'Bo' });
    expect(connectedPort(back)).toBe(holder);
    await waitFor(() => us.state.seats.CN?.connected === true, 'CN connected again');
  });
});
