import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { Player, sleep, startTestServer, waitFor, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ reconnectSeconds: 1 });
});
afterAll(async () => {
  await server?.stop();
});

async function startedMatch(seed: string): Promise<{ us: Player; cn: Player }> {
  const us = await Player.create(server.endpoint, { create: { seed }, join: { seat: 'US', name: 'Alice' } });
  const cn = await Player.join(server.endpoint, us.code, { join: { seat: 'CN', name: 'Bo' } });
  await waitFor(() => cn.you() !== undefined, 'you');
  us.send('start', {});
  await waitFor(() => cn.state.phase === 'orders', 'orders phase');
  return { us, cn };
}

describe('reconnection', () => {
  it('keeps the seat of a player who drops and comes back (g)', async () => {
    const { us, cn } = await startedMatch('reconnect');
    const token = cn.room.reconnectionToken;
    cn.room.connection.close(); // not a consented leave: the network dropped
    await waitFor(() => us.state.seats.CN?.connected === false, 'CN shown disconnected');
    expect(us.state.seats.CN).toMatchObject({ occupied: true, bot: false });

    // While CN is away its seat is still human: US submitting alone does not resolve the quarter.
    await us.request('submit', { turn: 0, orders: [] }, ['ack']);
    await sleep(200);
    expect(us.state.turn).toBe(0);

    const back = new Player(await new Client(server.endpoint).reconnect(token));
    await waitFor(() => back.you() !== undefined && back.latestSeatView() !== undefined, 'you and seat view after reconnect');
    expect(back.you()).toMatchObject({ seat: 'CN', role: 'player', name: 'Bo' });
    expect(back.latestSeatView()?.seat).toBe('CN');
    await waitFor(() => us.state.seats.CN?.connected === true, 'CN shown connected again');

    await back.request('submit', { turn: 0, orders: [{ action: 'cn-intel', intensity: 1 }] }, ['ack']);
    await waitFor(() => us.state.turn === 1 && back.latestSeatView()?.turn === 1, 'turn 1');
    expect(back.latestSeatView()?.lastOrders).toEqual([{ action: 'cn-intel', intensity: 1 }]);
    await us.leave();
    await back.leave();
  });

  it("names a teammate whose connection dropped as away, while the seat stays held by the others", async () => {
    const { us, cn } = await startedMatch('team-away');
    const dave = await Player.join(server.endpoint, us.code, { join: { seat: 'CN', name: 'Dave' } });
    await waitFor(() => us.state.seats.CN?.members === 2, 'a team of two');
    expect(us.state.seats.CN).toMatchObject({ connected: true, away: '' });
    const token = dave.room.reconnectionToken;
    dave.room.connection.close();
    await waitFor(() => us.state.seats.CN?.away === 'Dave', 'Dave shown away');
    expect(us.state.seats.CN).toMatchObject({ connected: true, members: 2, name: 'Bo, Dave' });
    const back = new Player(await new Client(server.endpoint).reconnect(token));
    await waitFor(() => us.state.seats.CN?.away === '', 'Dave back');
    // Not back in time: he leaves the team, and nobody is away.
    back.room.connection.close();
    await waitFor(() => us.state.seats.CN?.members === 1, 'the team down to one', 5000);
    expect(us.state.seats.CN).toMatchObject({ connected: true, away: '', name: 'Bo' });
    await us.leave();
    await cn.leave();
  });

  it('frees the seat for its bot when the player does not return in time', async () => {
    const { us, cn } = await startedMatch('abandon');
    await us.request('submit', { turn: 0, orders: [] }, ['ack']);
    cn.room.connection.close();
    await waitFor(() => us.state.seats.CN?.connected === false, 'CN shown disconnected');
    // After the reconnection window (1 s here) the seat is freed, and US was the last to owe orders.
    await waitFor(() => us.state.seats.CN?.occupied === false, 'CN seat freed', 4000);
    expect(us.state.seats.CN?.bot).toBe(true);
    await waitFor(() => us.state.turn === 1, 'turn resolved with a bot for CN');
    await expect(new Client(server.endpoint).reconnect(cn.room.reconnectionToken)).rejects.toThrow();

    const newcomer = await Player.join(server.endpoint, us.code, { join: { name: 'Chen' } });
    await waitFor(() => newcomer.you() !== undefined, 'newcomer you');
    expect(newcomer.you()?.seat).toBeNull();
    const claimed = await newcomer.request('claim', { seat: 'CN' }, ['you', 'error']);
    expect(claimed.data).toMatchObject({ seat: 'CN', role: 'player' });
    await waitFor(() => newcomer.latestSeatView()?.seat === 'CN', 'seat view after claim');
    await us.leave();
    await newcomer.leave();
  });

  it('sends whoever joins next the state as it is now, even when it changed while nobody was connected', async () => {
    // A lone player comes back and leaves at once (the home page's "Leave it"): nobody is left to be sent
    // the change, and the next person must still find the seat free.
    const us = await Player.create(server.endpoint, { create: { seed: 'lone' }, join: { seat: 'US', name: 'Alice' } });
    await waitFor(() => us.you() !== undefined, 'you');
    us.send('start', {});
    await waitFor(() => us.state.phase === 'orders', 'orders phase');
    const token = us.room.reconnectionToken;
    us.room.connection.close();
    await sleep(300);
    const back = await new Client(server.endpoint).reconnect(token);
    await back.leave(true);
    await sleep(300);
    const next = await Player.join(server.endpoint, us.code, { join: { role: 'spectator', name: 'Next' } });
    await waitFor(() => next.state.seats?.US !== undefined, 'state');
    expect(next.state.seats.US).toMatchObject({ occupied: false, connected: false, bot: true, members: 0 });
    await next.leave();
  });
});
