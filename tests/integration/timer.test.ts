import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice, NoticeList, SeatView } from '../../shared/index.js';
import { Player, startTestServer, waitFor, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** A started match with the US (its host, named `host`), China and the EU held by people. */
async function threeSeats(seed: string, orderSeconds: number, host: string): Promise<{ us: Player; cn: Player; eu: Player }> {
  const us = await Player.create(server.endpoint, { create: { seed, orderSeconds }, join: { seat: 'US', name: host } });
  const cn = await Player.join(server.endpoint, us.code, { join: { seat: 'CN', name: 'Bo' } });
  const eu = await Player.join(server.endpoint, us.code, { join: { seat: 'EU', name: 'Eve' } });
  await waitFor(() => eu.you() !== undefined, 'you');
  us.send('start', {});
  await waitFor(() => us.state.phase === 'orders', 'orders phase');
  return { us, cn, eu };
}

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

  it("puts a seat's unsubmitted draft in as its orders when time runs out; a seat with nothing ticked gets its bot's", async () => {
    const { us, cn, eu } = await threeSeats('timer-draft', 2, 'Alice');
    const drafted = [{ action: 'us-intel', intensity: 2 }];
    // The US drafts and never submits; China drafts, then clears its form; the EU submits.
    await us.request('draft', { turn: 0, orders: drafted }, ['draft']);
    await cn.request('draft', { turn: 0, orders: [{ action: 'cn-chip-drive', intensity: 1 }] }, ['draft']);
    await cn.request('draft', { turn: 0, orders: [] }, ['draft']);
    await eu.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => us.latestSeatView()?.turn === 1 && cn.latestSeatView()?.turn === 1, 'turn 1 by timer', 5000);
    expect(us.latestSeatView()).toMatchObject({ lastOrders: drafted });
    expect(us.latestSeatView()?.lastOrdersByBot).toBeFalsy();
    expect(cn.latestSeatView()?.lastOrdersByBot).toBe(true);
    expect(eu.latestSeatView()).toMatchObject({ lastOrders: [] });
    const notices = (p: Player) => p.of<NoticeList>('notices').flatMap((l) => l.notices).concat(p.of('notice'));
    await waitFor(() => notices(us).some((n) => n.kind === 'drafted'), 'drafted notice');
    expect(notices(us).find((n) => n.kind === 'drafted')?.text).toBe('Time ran out before United States submitted: the order drafted for the seat went in as it stood.');
    // Only the seat hears of it.
    expect(notices(cn).some((n) => n.kind === 'drafted')).toBe(false);
    for (const p of [us, cn, eu]) await p.leave();
  });

  it('in a match without Control and without a timer, the host (and only the host) can close a quarter a seat never submits for', async () => {
    const { us, cn, eu } = await threeSeats('host-closes', 0, 'Host Ada');
    await us.request('submit', { turn: 0, orders: [] }, ['ack']);
    await eu.request('draft', { turn: 0, orders: [{ action: 'eu-adoption', intensity: 1 }] }, ['draft']);
    // Not the host: refused, and nothing changes.
    const refused = await cn.request<{ code: string; message: string }>('control:advance', {}, ['error']);
    expect(refused.data).toMatchObject({ code: 'not-facilitator', message: 'Only the host can close the quarter.' });
    expect(us.state.turn).toBe(0);

    us.send('control:advance', {});
    await waitFor(() => us.state.turn === 1 && cn.latestSeatView()?.turn === 1 && eu.latestSeatView()?.turn === 1, 'turn 1 closed by the host');
    expect(cn.latestSeatView()?.lastOrdersByBot).toBe(true);
    expect(eu.latestSeatView()).toMatchObject({ lastOrders: [{ action: 'eu-adoption', intensity: 1 }] });
    const notices = (p: Player) => [...p.of<NoticeList>('notices').flatMap((l) => l.notices), ...p.of<Notice>('notice')];
    await waitFor(() => notices(cn).some((n) => n.kind === 'advanced'), 'the notice');
    expect(notices(cn).find((n) => n.kind === 'advanced')?.text).toMatch(/^The host, Host Ada, closed the orders phase/);
    expect(notices(eu).find((n) => n.kind === 'drafted')?.text).toMatch(/^The host closed the orders phase before EU submitted/);
    await Promise.all([us.leave(), cn.leave(), eu.leave()]);
  });
});
