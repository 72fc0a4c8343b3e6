import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatView } from '../../shared/index.js';
import { Player, startTestServer, waitFor, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('the orders timer', () => {
  it('resolves with bots for seats that did not submit when the deadline passes (f)', async () => {
    const us = await Player.create(server.endpoint, { create: { seed: 'timer', orderSeconds: 1 }, join: { seat: 'US', name: 'Alice' } });
    const cn = await Player.join(server.endpoint, us.code, { join: { seat: 'CN', name: 'Bo' } });
    await waitFor(() => cn.you() !== undefined, 'you');
    expect(us.state.deadline).toBe(0);
    const startedAt = Date.now();
    us.send('start', {});
    await waitFor(() => cn.state.phase === 'orders', 'orders phase');
    const firstDeadline = cn.state.deadline;
    expect(firstDeadline).toBeGreaterThanOrEqual(startedAt + 900);
    expect(firstDeadline).toBeLessThanOrEqual(Date.now() + 1100);

    await us.request('submit', { turn: 0, orders: [{ action: 'us-intel', intensity: 1 }] }, ['ack']);
    expect(cn.state.turn).toBe(0);
    await waitFor(() => cn.state.turn === 1, 'turn 1 by timer', 4000);
    expect(Date.now()).toBeGreaterThanOrEqual(firstDeadline - 100);
    await waitFor(() => cn.latestSeatView()?.turn === 1, 'CN view for turn 1');
    // CN did not submit: its bot played for it.
    expect(cn.latestSeatView()?.lastOrders.length).toBeGreaterThan(0);
    expect(us.latestSeatView()).toMatchObject({ turn: 1, lastOrders: [{ action: 'us-intel', intensity: 1 }] });
    expect(cn.state.deadline).toBeGreaterThan(firstDeadline);

    // Nobody submits: the next quarter still resolves on time.
    await waitFor(() => cn.state.turn === 2, 'turn 2 by timer', 4000);
    expect(cn.of<SeatView>('seat-view').map((v) => v.turn)).toEqual([0, 1, 2]);
    await us.leave();
    await cn.leave();
  });
});
