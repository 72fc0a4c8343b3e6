import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { matchMaker } from '@colyseus/core';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.js';
import { SqliteMatchStore } from '../../server/store/sqlite-store.js';
import { Player, sleep, waitFor } from './harness.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'leadtime-dormant-'));
let server: RunningServer | undefined;
const players: Player[] = [];

afterAll(async () => {
  await Promise.all(players.map((p) => p.leave().catch(() => undefined)));
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const endpoint = () => `http://127.0.0.1:${server!.port}`;
async function join(code: string, seat: string, name: string): Promise<Player> {
  const p = await Player.join(endpoint(), code, { join: { seat, name } });
  players.push(p);
  await waitFor(() => p.you() !== undefined && p.latestSeatView() !== undefined, `${name} seated`);
  return p;
}
const dormantInStore = (code: string) => {
  const store = new SqliteMatchStore(path.join(dataDir, 'matches.sqlite'));
  try {
    return store.isDormant(code);
  } finally {
    store.close();
  }
};

describe('an unfinished match nobody is connected to', () => {
  it('is put away after the idle time, and comes back exactly as it was when someone joins its code', async () => {
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, idleSeconds: 1, reconnectSeconds: 0 });
    const us = await Player.create(endpoint(), { create: { scenario: 'baseline', seed: 'dormant' }, join: { seat: 'US', name: 'Ada' } });
    players.push(us);
    const code = us.code;
    const cn = await join(code, 'CN', 'Bo');
    us.send('start', {});
    await waitFor(() => us.state.phase === 'orders', 'orders');
    await us.request('submit', { turn: 0, orders: [{ action: 'us-intel', intensity: 1 }] }, ['ack']);
    await cn.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => cn.state.turn === 1 && cn.latestSeatView()?.turn === 1, 'turn 1');
    const before = { pub: cn.pub, view: cn.latestSeatView() };

    // One person leaving does not put it away while another is still there.
    await us.leave();
    await sleep(1500);
    expect(matchMaker.getLocalRoomById(code)).toBeDefined();
    await cn.leave();
    await waitFor(() => matchMaker.getLocalRoomById(code) === undefined, 'the room put away', 5000);
    expect(dormantInStore(code)).toBe(true);

    // Joining its code wakes it: same quarter, same public view, same seat view; play goes on.
    const cn2 = await join(code, 'CN', 'Bo');
    expect(cn2.state.turn).toBe(1);
    expect(cn2.pub).toEqual(before.pub);
    expect(cn2.latestSeatView()).toEqual(before.view);
    expect(dormantInStore(code)).toBe(false);
    const us2 = await join(code, 'US', 'Ada');
    await us2.request('submit', { turn: 1, orders: [] }, ['ack']);
    await cn2.request('submit', { turn: 1, orders: [] }, ['ack']);
    await waitFor(() => us2.state.turn === 2, 'turn 2 after waking');
  });

  it('several people joining a dormant match at the same moment wake it once, and all get in', async () => {
    const host = await Player.create(endpoint(), { create: { scenario: 'baseline', seed: 'dormant-2' }, join: { seat: 'US', name: 'Ada' } });
    const code = host.code;
    await waitFor(() => host.you() !== undefined, 'host seated');
    await host.leave();
    await waitFor(() => matchMaker.getLocalRoomById(code) === undefined, 'the room put away', 5000);
    const seats = ['US', 'CN', 'EU', 'JK'];
    const joined = await Promise.all(seats.map((seat) => join(code, seat, `p-${seat}`)));
    expect(joined.map((p) => p.you()?.seat)).toEqual(seats);
    expect(new Set(joined.map((p) => p.room.roomId))).toEqual(new Set([code]));
  });

  it('a restarted server leaves dormant matches asleep until someone joins them', async () => {
    const host = await Player.create(endpoint(), { create: { scenario: 'baseline', seed: 'dormant-3' }, join: { seat: 'US', name: 'Ada' } });
    const code = host.code;
    await waitFor(() => host.you() !== undefined, 'host seated');
    await host.leave();
    await waitFor(() => matchMaker.getLocalRoomById(code) === undefined, 'the room put away', 5000);
    await Promise.all(players.splice(0).map((p) => p.leave().catch(() => undefined)));
    await server!.close();
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, idleSeconds: 60, reconnectSeconds: 0 });
    expect(matchMaker.getLocalRoomById(code)).toBeUndefined();
    const back = await join(code, 'CN', 'Bo');
    expect(back.state.code).toBe(code);
  });

  it('a code that was never a match is still refused', async () => {
    await expect(Player.join(endpoint(), 'ZZZZZZ', { join: { seat: 'US', name: 'x' } })).rejects.toThrow();
  });
});
