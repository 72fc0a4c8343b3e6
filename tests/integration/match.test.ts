import { describe, expect, it, vi } from 'vitest';
import { matchMaker } from '@colyseus/core';
import { publicView, seatView, type OrdersAck, type PublicView, type RoomListing, type SeatView, type SeatViewMessage, type ServerError, type WorldState } from '../../shared/index.js';
import { Player, serverForFile, sleep, waitFor } from './harness.js';

const server = serverForFile();
const open = server.open;

const US_ORDERS = [
  { action: 'us-chip-tracking', intensity: 1 },
  { action: 'us-intel', intensity: 1 },
];
const CN_ORDERS = [{ action: 'cn-chip-drive', intensity: 1 }];

async function create(options: object): Promise<Player> {
  const p = await Player.create(server.endpoint, options);
  open.push(p);
  return p;
}

async function join(code: string, options: object): Promise<Player> {
  const p = await Player.join(server.endpoint, code, options);
  open.push(p);
  return p;
}

/** US creates, CN joins by code, US starts. */
async function startedMatch(create_: object = {}): Promise<{ us: Player; cn: Player }> {
  const us = await create({ create: { scenario: 'baseline', seed: 'integration', ...create_ }, join: { seat: 'US', name: 'Alice' } });
  const cn = await join(us.code, { join: { seat: 'CN', name: 'Bo' } });
  await waitFor(() => us.you() !== undefined && cn.you() !== undefined, 'you messages');
  us.send('start', {});
  await waitFor(() => us.state.phase === 'orders' && cn.state.phase === 'orders', 'orders phase');
  return { us, cn };
}

function snapshot(p: Player) {
  const s = p.state;
  return { turn: s.turn, phase: s.phase, publicJson: s.publicJson, publicEvents: s.publicEvents, publicSeries: s.publicSeries, submitted: Object.values(s.seats).map((x) => [x.seat, x.submitted]) };
}

describe('a match between two real clients', () => {
  it('creates by code, joins, and resolves a quarter when both seats have submitted (a)', async () => {
    const { us, cn } = await startedMatch();
    expect(us.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(us.you()).toEqual({ seat: 'US', role: 'player', host: true, name: 'Alice' });
    expect(cn.you()).toEqual({ seat: 'CN', role: 'player', host: false, name: 'Bo' });
    expect(cn.state.code).toBe(us.code);
    expect(cn.state.seats.US).toMatchObject({ occupied: true, connected: true, bot: false, name: 'Alice' });
    expect(cn.state.seats.EU).toMatchObject({ occupied: false, bot: true });
    const before = us.pub;
    expect(before.turn).toBe(0);

    const usAck = await us.request<OrdersAck>('submit', { turn: 0, orders: US_ORDERS }, ['ack', 'error']);
    expect(usAck).toMatchObject({ type: 'ack', data: { turn: 0, accepted: 2, costs: 4 } });
    const cnAck = await cn.request<OrdersAck>('submit', { turn: 0, orders: CN_ORDERS }, ['ack', 'error']);
    expect(cnAck).toMatchObject({ type: 'ack', data: { turn: 0, accepted: 1 } });

    await waitFor(() => us.state.turn === 1 && cn.state.turn === 1, 'turn 1');
    await waitFor(() => us.latestSeatView()?.turn === 1 && cn.latestSeatView()?.turn === 1, 'seat views for turn 1');
    const after = cn.pub;
    expect(after).not.toEqual(before);
    expect(after.turn).toBe(1);
    expect(after.series).toHaveLength(1);
    expect(after.events.length).toBeGreaterThan(0);
    expect(cn.state.phase).toBe('orders');
    expect(Object.values(cn.state.seats).every((s) => !s.submitted)).toBe(true);
    expect(us.latestSeatView()).toMatchObject({ seat: 'US', turn: 1, lastOrders: US_ORDERS });
    expect(cn.latestSeatView()).toMatchObject({ seat: 'CN', turn: 1, lastOrders: CN_ORDERS });
  });

  it("never sends one seat's orders or view to another seat (b)", async () => {
    const { us, cn } = await startedMatch();
    await us.request('submit', { turn: 0, orders: US_ORDERS }, ['ack']);
    // The patch that shows US as submitted is the latest thing CN could have received about it.
    await waitFor(() => cn.state.seats.US?.submitted === true, 'US submitted flag on CN');
    await sleep(120);

    const leaks = (p: Player) => [p.wireText(), JSON.stringify(p.messages), ...p.states].filter((t) => /us-chip-tracking|us-intel/.test(t));
    expect(leaks(cn)).toEqual([]);
    expect(cn.of('ack')).toEqual([]);
    expect(cn.of<SeatView>('seat-view').map((v) => v.seat)).toEqual(['CN']);
    expect(JSON.stringify(cn.of('seat-view'))).not.toMatch(/"seat":"US"/);
    // The US client did receive its own view: the markers above are real.
    expect(us.of<SeatView>('seat-view').map((v) => v.seat)).toEqual(['US']);

    await cn.request('submit', { turn: 0, orders: CN_ORDERS }, ['ack']);
    await waitFor(() => cn.latestSeatView()?.turn === 1, 'CN view for turn 1');
    await sleep(120);
    // After resolution, CN sees only its own view. US's public order is announced to all (its event names
    // the act); its private one never reached CN.
    expect(cn.of<SeatView>('seat-view').every((v) => v.seat === 'CN')).toBe(true);
    expect(cn.wireText()).toContain('us-chip-tracking');
    expect([cn.wireText(), JSON.stringify(cn.messages), ...cn.states].filter((t) => /us-intel/.test(t))).toEqual([]);
  });

  it('refuses malformed, forged, late and invalid submissions and changes nothing (c)', async () => {
    const { us, cn } = await startedMatch();
    const before = snapshot(cn);
    const refusals: [unknown, string][] = [
      ['garbage', 'bad-request'],
      [{ turn: 0, orders: [{ action: 'us-intel', intensity: 9 }] }, 'bad-request'],
      [{ turn: 0, orders: US_ORDERS, extra: true }, 'bad-request'],
      [{ turn: 0, orders: CN_ORDERS, seat: 'CN' }, 'forged-seat'],
      [{ turn: 0, orders: US_ORDERS, seat: 'CN' }, 'forged-seat'],
      [{ turn: 3, orders: US_ORDERS }, 'wrong-turn'],
      [{ turn: 0, orders: [...US_ORDERS, ...CN_ORDERS] }, 'invalid-orders'],
      [{ turn: 0, orders: [{ action: 'us-chip-tracking', intensity: 3 }, { action: 'us-diplomacy', intensity: 3 }] }, 'invalid-orders'],
    ];
    for (const [payload, code] of refusals) {
      const reply = await us.request<ServerError>('submit', payload, ['ack', 'error']);
      expect(reply.type, JSON.stringify(payload)).toBe('error');
      expect(reply.data.code, JSON.stringify(payload)).toBe(code);
      expect(reply.data.message.length).toBeGreaterThan(5);
    }
    const unknown = await us.request<ServerError>('teleport', { to: 'moon' }, ['error']);
    expect(unknown.data.code).toBe('unknown-message');
    expect((await cn.request<ServerError>('start', {}, ['error'])).data.code).toBe('not-host');
    expect((await us.request<ServerError>('start', {}, ['error'])).data.code).toBe('wrong-phase');

    await sleep(150);
    expect(snapshot(cn)).toEqual(before);
    expect(snapshot(us)).toEqual(before);
    expect(us.of('ack')).toEqual([]);

    // Still able to play normally afterwards; a second submission is refused.
    await us.request('submit', { turn: 0, orders: US_ORDERS }, ['ack']);
    const again = await us.request<ServerError>('submit', { turn: 0, orders: [] }, ['ack', 'error']);
    expect(again.data.code).toBe('already-submitted');
  });

  it('refuses a message carrying a 64-bit integer at the guard, quietly, and changes nothing', async () => {
    const errors = vi.spyOn(console, 'error');
    const p = await create({ create: { scenario: 'baseline', seed: 'wide' }, join: { seat: 'US', name: 'Ada' } });
    try {
      await waitFor(() => p.you() !== undefined, 'seated');
      p.send('start', {});
      await waitFor(() => p.state.phase === 'orders', 'orders');
      const before = JSON.stringify(p.state);
      const reply = await p.request<{ code: string; message: string }>('submit', { turn: 10n ** 15n, orders: [] }, ['ack', 'error']);
      expect(reply.type).toBe('error');
      expect(reply.data.code).toBe('bad-request');
      expect(reply.data.message).toMatch(/64-bit/);
      expect(JSON.stringify(p.state)).toBe(before);
      expect(errors.mock.calls.filter((c) => String(c[0]).includes('failed'))).toEqual([]);
    } finally {
      errors.mockRestore();
    }
  });

  it('answers oversized and flooding clients with errors, without disconnecting them', async () => {
    const { us } = await startedMatch();
    const big = await us.request<ServerError>('submit', { turn: 0, orders: [], note: 'x'.repeat(70_000) }, ['ack', 'error']);
    expect(big.data.code).toBe('too-large');
    const before = us.messages.length;
    for (let i = 0; i < 60; i++) us.send('noise', { i });
    await waitFor(() => us.messages.length - before >= 60, 'replies to the flood');
    const codes = us.messages.slice(before).map((m) => (m.data as ServerError).code);
    expect(codes).toContain('unknown-message');
    expect(codes).toContain('rate-limited');
    expect(us.room.connection.isOpen).toBe(true);
  });

  it('lets only the host start, and only with a seated player', async () => {
    const host = await create({ create: {}, join: { role: 'spectator', name: 'Facilitator' } });
    const guest = await join(host.code, { join: { name: 'Guest' } });
    await waitFor(() => guest.you() !== undefined, 'you');
    expect((await guest.request<ServerError>('start', {}, ['error'])).data.code).toBe('not-host');
    expect((await host.request<ServerError>('start', {}, ['error'])).data.code).toBe('no-players');
    const claimed = await guest.request('claim', { seat: 'TW' }, ['you', 'error']);
    expect(claimed.data).toMatchObject({ seat: 'TW', role: 'player', host: false });
    expect((await guest.request<ServerError>('claim', { seat: 'EU' }, ['error'])).data.code).toBe('already-seated');
    host.send('start', {});
    await waitFor(() => guest.state.phase === 'orders', 'orders phase');
  });

  it('refuses submissions from spectators and sends them nothing private (d)', async () => {
    const { us, cn } = await startedMatch();
    const spec = await join(us.code, { join: { role: 'spectator', name: 'Projector' } });
    await waitFor(() => spec.you() !== undefined, 'spectator you');
    expect(spec.you()).toEqual({ seat: null, role: 'spectator', host: false, name: 'Projector' });
    const before = snapshot(spec);
    const reply = await spec.request<ServerError>('submit', { turn: 0, orders: US_ORDERS }, ['ack', 'error']);
    expect(reply).toMatchObject({ type: 'error', data: { code: 'spectator' } });
    const forged = await spec.request<ServerError>('submit', { turn: 0, orders: US_ORDERS, seat: 'US' }, ['ack', 'error']);
    expect(forged).toMatchObject({ type: 'error', data: { code: 'spectator' } });
    await sleep(120);
    expect(snapshot(spec)).toEqual(before);

    await us.request('submit', { turn: 0, orders: US_ORDERS }, ['ack']);
    await cn.request('submit', { turn: 0, orders: CN_ORDERS }, ['ack']);
    await waitFor(() => spec.state.turn === 1, 'turn 1 on spectator');
    await sleep(120);
    expect(spec.of('seat-view')).toEqual([]);
    expect(spec.of('ack')).toEqual([]);
    // Public orders are announced once the quarter resolves; private ones never reach a spectator.
    expect(spec.wireText()).toContain('cn-chip-drive');
    expect(spec.wireText()).not.toMatch(/us-intel/);
  });

  it('rejects bad create and join options with a clear error', async () => {
    await expect(create({ create: { scenario: 'no-such-thing' } })).rejects.toThrow(/Unknown scenario/);
    await expect(create({ create: { turns: 99 } })).rejects.toThrow(/Invalid match options/);
    await expect(create({ create: {}, join: { role: 'spectator', seat: 'US' } })).rejects.toThrow(/spectator cannot take a seat/);
    const us = await create({ create: {}, join: { seat: 'US' } });
    // A held seat can be joined: that makes a team (see teams.test.ts).
    await expect(create({ create: { facilitated: true }, join: { seat: 'US' } })).rejects.toThrow(/takes no seat/);
    await expect(create({ create: {}, join: { role: 'facilitator' } })).rejects.toThrow(/Only a facilitated match/);
    await expect(join(us.code, { join: { role: 'facilitator', key: 'guess' } })).rejects.toThrow(/no facilitator/);
    await expect(join(us.code, { join: { seat: 'MARS' } })).rejects.toThrow(/Invalid join options/);
    await expect(join(us.code, { create: {}, join: {} })).rejects.toThrow(/Invalid join options/);
    await expect(join('NOSUCH', { join: {} })).rejects.toThrow(/not found/);
  });

  it('lists public matches and hides private ones, which stay joinable by code', async () => {
    const pub = await create({ create: {}, join: { seat: 'US' } });
    const priv = await create({ create: { isPrivate: true }, join: { seat: 'US' } });
    await sleep(50);
    const listed = (await (await fetch(`${server.endpoint}/api/matches`)).json()) as RoomListing[];
    const pubListing = listed.find((l) => l.code === pub.code);
    expect(pubListing).toMatchObject({ scenarioId: 'baseline', phase: 'lobby', isPrivate: false });
    expect(pubListing?.freeSeats).not.toContain('US');
    expect(pubListing?.freeSeats).toContain('CN');
    expect(listed.some((l) => l.code === priv.code)).toBe(false);
    const guest = await join(priv.code, { join: { seat: 'CN' } });
    await waitFor(() => guest.you()?.seat === 'CN', 'seat in private match');
  });

  it('plays a whole 10-turn match to an outcome (e)', async () => {
    const { us, cn } = await startedMatch({ seed: 'full-match' });
    expect(us.state.turns).toBe(10);
    // An early ending (a crisis or catastrophe roll) may end it before the tenth quarter.
    for (let t = 0; t < 10 && cn.state.phase !== 'finished'; t++) {
      await us.request('submit', { turn: t, orders: t % 2 ? [] : [{ action: 'us-intel', intensity: 1 }] }, ['ack']);
      await cn.request('submit', { turn: t, orders: [] }, ['ack']);
      await waitFor(() => us.state.turn === t + 1 && cn.state.turn === t + 1, `turn ${t + 1}`);
    }
    await waitFor(() => cn.state.phase === 'finished', 'finished');
    const view = cn.pub;
    const played = cn.state.turn;
    expect(view.outcome).not.toBeNull();
    expect(view.outcome?.id).toBeTruthy();
    expect(played === 10 || view.outcome?.early).toBe(true);
    expect(view.reveal).toHaveLength(played);
    expect(cn.state.deadline).toBe(0);
    await waitFor(() => cn.latestSeatView()?.turn === played, 'final seat view');
    // What the clients put together from the incremental state and seat views is exactly the server's view.
    const world = (matchMaker.getLocalRoomById(cn.code) as unknown as { ctrl: { world: WorldState } }).ctrl.world;
    const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
    expect(cn.pub).toEqual(plain(publicView(world)));
    // Both seats submitted every quarter, so neither view says its bot gave the orders.
    expect(cn.latestSeatView()).toEqual({ ...plain(seatView(world, 'CN')), lastOrdersByBot: false });
    expect(us.latestSeatView()).toEqual({ ...plain(seatView(world, 'US')), lastOrdersByBot: false });
    // The first seat view carries every event so far; later ones only the new events.
    const messages = cn.of<SeatViewMessage>('seat-view');
    expect(messages[0].eventsFrom).toBe(0);
    expect(messages.at(-1)?.eventsFrom).toBeGreaterThan(0);
    expect(messages.at(-1)?.events.length).toBeLessThan(seatView(world, 'CN').events.length);
    const late = await us.request<ServerError>('submit', { turn: played, orders: [] }, ['ack', 'error']);
    expect(late.data.code).toBe('wrong-phase');
  });
});
