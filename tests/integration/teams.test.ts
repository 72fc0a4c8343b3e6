import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import type { DraftMessage, SeatView, ServerError } from '../../shared/index.js';
import { Player, sleep, startTestServer, waitFor, type TestServer } from './harness.js';

let server: TestServer;
const open: Player[] = [];

beforeAll(async () => {
  server = await startTestServer({ reconnectSeconds: 5 });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.leave()));
});
afterAll(async () => {
  await server?.stop();
});

const DRAFT = [
  { action: 'us-chip-tracking', intensity: 1 },
  { action: 'us-intel', intensity: 2 },
];

/** A US team of two (Alice hosts), CN alone, and a projector. */
async function teams() {
  const alice = await Player.create(server.endpoint, { create: { seed: 'teams' }, join: { seat: 'US', name: 'Alice' } });
  const ann = await Player.join(server.endpoint, alice.code, { join: { seat: 'US', name: 'Ann' } });
  const bo = await Player.join(server.endpoint, alice.code, { join: { seat: 'CN', name: 'Bo' } });
  const spec = await Player.join(server.endpoint, alice.code, { join: { role: 'spectator', name: 'Projector' } });
  open.push(alice, ann, bo, spec);
  await waitFor(() => [ann, bo, spec].every((p) => p.you() !== undefined), 'joined');
  alice.send('start', {});
  await waitFor(() => bo.state.phase === 'orders', 'orders phase');
  return { alice, ann, bo, spec };
}

describe('teams on one seat', () => {
  it("share the seat's view and drafts; the seat submits once; nobody else sees the drafts", async () => {
    const { alice, ann, bo, spec } = await teams();
    expect(ann.you()).toEqual({ seat: 'US', role: 'player', host: false, name: 'Ann' });
    expect(bo.state.seats.US).toMatchObject({ occupied: true, members: 2, name: 'Alice, Ann', bot: false });
    await waitFor(() => ann.latestSeatView()?.seat === 'US' && alice.latestSeatView()?.seat === 'US', 'both get the US view');

    await alice.send('draft', { turn: 0, orders: DRAFT });
    await waitFor(() => ann.of('draft').length === 1 && alice.of('draft').length === 1, 'draft relayed to the team');
    expect(ann.of<DraftMessage>('draft')[0]).toMatchObject({ seat: 'US', turn: 0, orders: DRAFT, by: 'Alice' });

    const refusals: [Player, unknown, string][] = [
      [bo, { turn: 0, orders: DRAFT, seat: 'US' }, 'forged-seat'],
      [spec, { turn: 0, orders: DRAFT }, 'spectator'],
      [ann, { turn: 5, orders: DRAFT }, 'wrong-turn'],
      [ann, { turn: 0, orders: 'lots' }, 'bad-request'],
    ];
    for (const [p, payload, code] of refusals) expect((await p.request<ServerError>('draft', payload, ['draft', 'error'])).data.code).toBe(code);

    const acked = await ann.request('submit', { turn: 0, orders: DRAFT }, ['ack', 'error']);
    expect(acked.type).toBe('ack');
    // Alice is told what Ann sent for the seat (her own form was not sent).
    await waitFor(() => alice.of<DraftMessage>('draft').some((d) => d.submitted), 'the submission relayed to the team');
    expect(alice.of<DraftMessage>('draft').find((d) => d.submitted)).toMatchObject({ seat: 'US', turn: 0, orders: DRAFT, by: 'Ann', submitted: true });
    const again = await alice.request<ServerError>('submit', { turn: 0, orders: [] }, ['ack', 'error']);
    expect(again.data.code).toBe('already-submitted');
    expect((await alice.request<ServerError>('draft', { turn: 0, orders: [] }, ['draft', 'error'])).data.code).toBe('already-submitted');
    const forged = await bo.request<ServerError>('submit', { turn: 0, orders: [{ action: 'us-intel', intensity: 1 }], seat: 'US' }, ['ack', 'error']);
    expect(forged.data.code).toBe('forged-seat');
    const spectator = await spec.request<ServerError>('submit', { turn: 0, orders: [] }, ['ack', 'error']);
    expect(spectator.data.code).toBe('spectator');

    await sleep(150);
    for (const p of [bo, spec]) {
      expect(p.of('draft')).toEqual([]);
      expect(p.wireText()).not.toMatch(/us-chip-tracking|us-intel/);
    }
    await bo.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => alice.latestSeatView()?.turn === 1 && ann.latestSeatView()?.turn === 1, 'turn 1 for both');
    expect(ann.latestSeatView()?.lastOrders).toEqual(DRAFT);
  });

  it('gives a player who drops mid-quarter the same seat and the draft back', async () => {
    const { alice, bo } = await teams();
    await bo.send('draft', { turn: 0, orders: [{ action: 'cn-chip-drive', intensity: 2 }] });
    await waitFor(() => bo.of('draft').length === 1, 'draft stored');
    const token = bo.room.reconnectionToken;
    bo.room.connection.close(); // the network dropped
    await waitFor(() => alice.state.seats.CN?.connected === false, 'CN shown disconnected');
    const back = new Player(await new Client(server.endpoint).reconnect(token));
    open.push(back);
    await waitFor(() => back.you() !== undefined && back.of('draft').length > 0 && back.latestSeatView() !== undefined, 'state after reconnect');
    expect(back.you()).toMatchObject({ seat: 'CN', role: 'player', name: 'Bo' });
    expect(back.of<DraftMessage>('draft')[0]).toMatchObject({ seat: 'CN', turn: 0, orders: [{ action: 'cn-chip-drive', intensity: 2 }], by: 'Bo' });
    expect(back.latestSeatView()?.seat).toBe('CN');
    await waitFor(() => alice.state.seats.CN?.connected === true, 'CN connected again');
    expect(alice.of<SeatView>('seat-view').every((v) => v.seat === 'US')).toBe(true);
  });
});

describe('names in a room', () => {
  it('people who leave the name empty, or type one already here, are told apart by a number; a name frees up when its holder leaves', async () => {
    const host = await Player.create(server.endpoint, { create: { seed: 'names' }, join: { seat: 'US' } });
    open.push(host);
    const join = async (options: object) => {
      const p = await Player.join(server.endpoint, host.code, options);
      open.push(p);
      await waitFor(() => p.you() !== undefined, 'joined');
      return p;
    };
    const second = await join({ join: { seat: 'US' } });
    const third = await join({ join: { seat: 'CN', name: 'player' } });
    const long = 'Ada Lovelace, Analytical Engine Society';
    const ada = await join({ join: { seat: 'EU', name: long } });
    const ada2 = await join({ join: { seat: 'JK', name: long } });
    await waitFor(() => host.you() !== undefined, 'host');
    expect([host, second, third, ada, ada2].map((p) => p.you()?.name)).toEqual(['Player', 'Player 2', 'player 3', long, `${long.slice(0, 38).trimEnd()} 2`]);
    expect(ada2.you()!.name.length).toBeLessThanOrEqual(40);
    await waitFor(() => host.state.seats.US?.name === 'Player, Player 2', 'the US seat names both');
    await second.leave();
    const again = await join({ join: { seat: 'US' } });
    expect(again.you()?.name).toBe('Player 2');
  });
});
