import { afterAll, describe, expect, it } from 'vitest';
import { matchMaker } from '@colyseus/core';
import { OUTCOMES, type LiveForecast, type ServerError, type WorldState } from '../../shared/index.js';
import { forecast } from '../../shared/analysis/index.js';
import { closeLivePool, livePoolState, warmLivePool } from '../../server/analysis/live-forecast.js';
import { facilitatedMatch, Player, serverForFile, waitFor } from './harness.js';

const server = serverForFile({ warmForecasts: true });
const open = server.open;
afterAll(async () => {
  await closeLivePool();
});

describe('live forecast', () => {
  it('has its worker threads started and warmed up when the first match opens', async () => {
    expect(livePoolState()).toBe('none');
    const us = await Player.create(server.endpoint, { create: { seed: 'warm-up' }, join: { seat: 'US', name: 'Ana' } });
    open.push(us);
    await waitFor(() => us.you() !== undefined, 'you');
    expect(livePoolState()).not.toBe('none');
    await warmLivePool();
    expect(livePoolState()).toBe('warm');
  });

  it('is Control’s to run, and Control decides whether players may', async () => {
    const { control, players } = await facilitatedMatch(server.endpoint, ['US', 'CN'], { seed: 'live-forecast' });
    const { US: us, CN: cn } = players;
    open.push(control, us, cn);
    await control.request('start', {}, ['notice']);
    await waitFor(() => us.state.phase === 'orders', 'orders');
    expect(us.state.forecastOpen).toBe(false);

    const refused = await us.request<ServerError>('forecast', { n: 200 }, ['forecast', 'error']);
    expect(refused.type).toBe('error');
    expect(refused.data.code).toBe('forecast-closed');

    const mine = await control.request<LiveForecast>('forecast', { n: 200 }, ['forecast', 'error']);
    expect(mine.type).toBe('forecast');
    expect(mine.data.forecast.n).toBe(200);
    expect(OUTCOMES.reduce((t, o) => t + mine.data.forecast.odds[o].p, 0)).toBeCloseTo(1, 9);

    const bad = await control.request<ServerError>('forecast', { n: 5 }, ['forecast', 'error']);
    expect(bad.data.code).toBe('bad-request');

    await control.request('control:forecast-access', { players: true }, ['control-ack']);
    await waitFor(() => us.state.forecastOpen === true, 'forecastOpen');
    const theirs = await us.request<LiveForecast>('forecast', { n: 200 }, ['forecast', 'error']);
    expect(theirs.type).toBe('forecast');
    // The same position and seed give the same odds, whoever asks.
    expect(theirs.data.forecast.odds).toEqual(mine.data.forecast.odds);
    // The mean lead ahead starts from the true lead: Control's to read, not the players'.
    expect(mine.data.forecast.meanLead.length).toBeGreaterThan(0);
    expect(mine.data.forecast.leadSamples.length).toBeGreaterThan(0);
    expect(theirs.data.forecast.meanLead).toEqual([]);
    expect(theirs.data.forecast.leadSamples).toEqual([]);
    // Only the asker receives it.
    expect(cn.of('forecast')).toHaveLength(0);

    const player = await us.request<ServerError>('control:forecast-access', { players: false }, ['error']);
    expect(player.data.code).toBe('not-facilitator');
    expect(us.state.forecastOpen).toBe(true);
  });

  it('plays the continuations with the match’s bot doctrine, from the true position', async () => {
    const us = await Player.create(server.endpoint, { create: { seed: 'hawk-forecast', botDoctrine: 'hawk' }, join: { seat: 'US', name: 'Ana' } });
    open.push(us);
    await waitFor(() => us.you() !== undefined, 'you');
    const r = await us.request<LiveForecast>('forecast', { n: 200 }, ['forecast', 'error']);
    expect(r.type).toBe('forecast');
    const room = matchMaker.getLocalRoomById(us.code) as unknown as { ctrl: { world: WorldState } };
    const seed = `${us.code}|live|${room.ctrl.world.turn}`;
    const hawks = forecast(room.ctrl.world, 200, { seed, doctrine: 'hawk' });
    for (const o of OUTCOMES) expect(r.data.forecast.odds[o].count, o).toBe(hawks.odds[o].count);
    // Not the mixed doctrines of a match that left them to the seed.
    const mixed = forecast(room.ctrl.world, 200, { seed });
    expect(OUTCOMES.some((o) => mixed.odds[o].count !== hawks.odds[o].count)).toBe(true);
  });

  it('tells Control alone the doctrine every bot plays, for the scenario odds it runs on its own computer', async () => {
    const { control, players } = await facilitatedMatch(server.endpoint, ['US'], { seed: 'dove-you', botDoctrine: 'dove' });
    open.push(control, ...Object.values(players));
    expect(control.you()?.botDoctrine).toBe('dove');
    expect(players.US.you()).not.toHaveProperty('botDoctrine');
  });

  it('is open to players in a match without Control', async () => {
    const us = await Player.create(server.endpoint, { create: { seed: 'open-forecast' }, join: { seat: 'US', name: 'Ana' } });
    open.push(us);
    await waitFor(() => us.you() !== undefined, 'you');
    expect(us.state.forecastOpen).toBe(true);
    const r = await us.request<LiveForecast>('forecast', {}, ['forecast', 'error']);
    expect(r.type).toBe('forecast');
    expect(r.data.forecast.n).toBe(2000);
  });
});
