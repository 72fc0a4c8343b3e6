import { describe, expect, it } from 'vitest';
import type { ControlAck, Notice, PublicView, SeatView, ServerError, YouAre } from '../../shared/index.js';
import { facilitatedMatch, Player, serverForFile, sleep, waitFor } from './harness.js';

const server = serverForFile();
const open = server.open;

const pub = (p: Player): PublicView => p.pub;

/** Control plus US and CN players and a projector, started by Control. */
async function exercise(create: object = {}) {
  const m = await facilitatedMatch(server.endpoint, ['US', 'CN'], { seed: 'exercise', orderSeconds: 600, ...create });
  const { control } = m;
  const us = m.players.US;
  const cn = m.players.CN;
  const spec = await Player.join(server.endpoint, control.code, { join: { role: 'spectator', name: 'Projector' } });
  open.push(control, us, cn, spec);
  await waitFor(() => spec.you() !== undefined, 'spectator you');
  await control.request('start', {}, ['notice', 'error']);
  await waitFor(() => us.state.phase === 'orders' && spec.state.phase === 'orders', 'orders phase');
  return { ...m, us, cn, spec };
}

/** Send a control message and wait for its acknowledgement. */
async function control<T = ControlAck>(p: Player, type: string, payload: unknown): Promise<T> {
  const reply = await p.request<T>(type, payload, ['control-ack', 'error']);
  expect(reply.type, `${type}: ${JSON.stringify(reply.data)}`).toBe('control-ack');
  return reply.data;
}

function snapshot(p: Player) {
  const s = p.state;
  return { turn: s.turn, phase: s.phase, paused: s.paused, deadline: s.deadline, remaining: s.remaining, publicJson: s.publicJson, publicEvents: JSON.stringify(s.publicEvents), publicSeries: JSON.stringify(s.publicSeries), seats: JSON.stringify(s.seats) };
}

describe('a facilitated exercise', () => {
  it('makes the creator Control with a secret key that no player or spectator ever receives', async () => {
    const { control: ctl, key, us, cn, spec } = await exercise();
    expect(ctl.you()).toMatchObject({ role: 'facilitator', seat: null, host: true, name: 'Control' });
    expect(key).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(us.you()).toEqual({ seat: 'US', role: 'player', host: false, name: 'US lead' });
    expect(us.state.facilitated).toBe(true);
    expect(us.state.controlPresent).toBe(true);

    // A second screen for Control joins with the key; a wrong or missing key is refused.
    const second = await Player.join(server.endpoint, ctl.code, { join: { role: 'facilitator', key, name: 'Control 2' } });
    open.push(second);
    await waitFor(() => second.you() !== undefined, 'second control you');
    expect(second.you()).toMatchObject({ role: 'facilitator', host: true, facilitatorKey: key });
    await expect(Player.join(server.endpoint, ctl.code, { join: { role: 'facilitator', key: 'not-the-key' } })).rejects.toThrow(/facilitator key/);
    await expect(Player.join(server.endpoint, ctl.code, { join: { role: 'facilitator' } })).rejects.toThrow(/facilitator key/);
    await expect(Player.join(server.endpoint, ctl.code, { join: { role: 'facilitator', key, seat: 'EU' } })).rejects.toThrow(/no seat/);

    await sleep(100);
    for (const p of [us, cn, spec]) {
      expect(p.wireText()).not.toContain(key);
      expect(JSON.stringify(p.messages)).not.toContain(key);
      expect(p.of<YouAre>('you').every((y) => y.facilitatorKey === undefined)).toBe(true);
    }
    const listed = (await (await fetch(`${server.endpoint}/api/matches`)).text()) + (await (await fetch(`${server.endpoint}/api/matches/${ctl.code}/record.json`)).text());
    expect(listed).not.toContain(key);
  });

  it('lets only Control start a facilitated match', async () => {
    const { control: ctl, players } = await facilitatedMatch(server.endpoint, ['US']);
    open.push(ctl, players.US);
    const refused = await players.US.request<ServerError>('start', {}, ['error']);
    expect(refused.data).toMatchObject({ code: 'not-host', ref: 'start' });
    expect(players.US.state.phase).toBe('lobby');
    await ctl.request('start', {}, ['notice', 'error']);
    await waitFor(() => players.US.state.phase === 'orders', 'started by Control');
  });

  it("tells everyone whether Control is connected, so a lobby whose Control left is not a silent wait", async () => {
    const { control: ctl, key, players } = await facilitatedMatch(server.endpoint, ['US']);
    open.push(players.US);
    await waitFor(() => players.US.state.controlPresent === true, 'Control present');
    await ctl.leave();
    await waitFor(() => players.US.state.controlPresent === false, 'Control gone');
    const back = await Player.join(server.endpoint, ctl.code, { join: { role: 'facilitator', key, name: 'Control' } });
    open.push(back);
    await waitFor(() => players.US.state.controlPresent === true, 'Control back');
  });

  it('refuses every control message from players and spectators, changing nothing', async () => {
    const { us, spec, cn } = await exercise();
    const before = snapshot(cn);
    const attempts: [string, unknown][] = [
      ['control:pause', {}],
      ['control:resume', {}],
      ['control:timer', { seconds: 60 }],
      ['control:advance', {}],
      ['control:inject', { eventId: 'strait-drills' }],
      ['control:event', { title: 'Coup', text: 'Nope', effects: [{ key: 'tension', value: 50 }] }],
      ['control:adjust', { target: { kind: 'tension' }, value: 99, reason: 'because I can' }],
      ['control:seat', { seat: 'CN', to: 'bot' }],
      ['control:end', { reason: 'I win' }],
    ];
    for (const p of [us, spec]) {
      for (const [type, payload] of attempts) {
        const reply = await p.request<ServerError>(type, payload, ['control-ack', 'error']);
        expect(reply, type).toMatchObject({ type: 'error', data: { code: 'not-facilitator', ref: type } });
      }
    }
    await sleep(150);
    expect(snapshot(cn)).toEqual(before);
    expect(cn.of('control-ack')).toEqual([]);
  });

  it('pauses and resumes the clock with the time that was left', async () => {
    const { control: ctl, us, spec } = await exercise();
    const deadline = us.state.deadline;
    expect(deadline).toBeGreaterThan(Date.now() + 590_000);
    await control(ctl, 'control:pause', {});
    await waitFor(() => us.state.paused && spec.state.paused, 'paused');
    expect(us.state.deadline).toBe(0);
    const left = us.state.remaining;
    expect(left).toBeGreaterThan(590_000);
    expect(left).toBeLessThanOrEqual(600_000);
    expect(us.of<Notice>('notice').some((n) => n.kind === 'paused')).toBe(true);
    expect((await ctl.request<ServerError>('control:pause', {}, ['control-ack', 'error'])).data.code).toBe('wrong-phase');

    // While paused nothing resolves on its own, even when every seat has submitted.
    await us.request('submit', { turn: 0, orders: [] }, ['ack']);
    await sleep(300);
    await control(ctl, 'control:resume', {});
    await waitFor(() => !us.state.paused && us.state.deadline > 0, 'resumed');
    expect(us.state.deadline).toBeGreaterThanOrEqual(Date.now() + left - 2000);
    expect(us.state.deadline).toBeLessThanOrEqual(Date.now() + left + 100);
    expect(us.state.turn).toBe(0);
  });

  it('extends and cuts the orders timer; a cut past zero closes the quarter', async () => {
    const { control: ctl, us } = await exercise();
    const d0 = us.state.deadline;
    await control(ctl, 'control:timer', { seconds: 120 });
    await waitFor(() => us.state.deadline === d0 + 120_000, 'extended by two minutes');
    await control(ctl, 'control:timer', { seconds: -60 });
    await waitFor(() => us.state.deadline === d0 + 60_000, 'cut by a minute');
    expect((await ctl.request<ServerError>('control:timer', { seconds: 0 }, ['control-ack', 'error'])).data.code).toBe('bad-request');
    expect((await ctl.request<ServerError>('control:timer', { seconds: 'soon' }, ['control-ack', 'error'])).data.code).toBe('bad-request');
    await control(ctl, 'control:timer', { seconds: -3600 });
    await waitFor(() => us.state.turn === 1, 'quarter closed by the cut');
    expect(us.latestSeatView()?.turn ?? 0).toBeLessThanOrEqual(1);
  });

  it('advances the phase: the quarter resolves now and bots order for the missing seats', async () => {
    const { control: ctl, us, cn } = await exercise();
    await us.request('submit', { turn: 0, orders: [{ action: 'us-intel', intensity: 1 }] }, ['ack']);
    await control(ctl, 'control:advance', {});
    await waitFor(() => us.state.turn === 1 && cn.latestSeatView()?.turn === 1, 'turn 1');
    expect(us.latestSeatView()?.lastOrders).toEqual([{ action: 'us-intel', intensity: 1 }]);
    expect(us.latestSeatView()?.lastOrdersByBot).toBe(false);
    // CN's bot played, and CN's view says so (its report must not call them "your orders").
    expect(cn.latestSeatView()?.lastOrders.length).toBeGreaterThan(0);
    expect(cn.latestSeatView()?.lastOrdersByBot).toBe(true);
    expect(cn.of<Notice>('notice').some((n) => n.kind === 'advanced')).toBe(true);
  });

  it('injects a deck event for the coming resolution, unannounced until it fires', async () => {
    const { control: ctl, us, spec } = await exercise();
    await control(ctl, 'control:inject', { eventId: 'strait-drills' });
    expect(ctl.of<Notice>('notice').some((n) => n.kind === 'event-injected')).toBe(true);
    const dup = await ctl.request<ServerError>('control:inject', { eventId: 'strait-drills' }, ['control-ack', 'error']);
    expect(dup.data.code).toBe('refused');
    expect((await ctl.request<ServerError>('control:inject', { eventId: 'no-such-card' }, ['control-ack', 'error'])).data.code).toBe('refused');
    await sleep(100);
    expect(us.of<Notice>('notice').some((n) => n.kind === 'event-injected')).toBe(false);
    expect(spec.wireText()).not.toMatch(/strait-drills|Strait drills/i);

    await control(ctl, 'control:advance', {});
    await waitFor(() => spec.state.turn === 1, 'turn 1');
    const fired = pub(spec).events.find((e) => e.kind === 'event-card' && e.text.includes('injected by Control'));
    expect(fired?.text).toMatch(/injected by Control/);
  });

  it('applies a custom event at once with a public notice, and refuses bad effects', async () => {
    const { control: ctl, us, spec } = await exercise();
    const before = pub(spec).tension;
    await control(ctl, 'control:event', { title: 'Cable cut', text: 'A subsea cable to Taiwan is cut.', effects: [{ key: 'tension', value: 6 }] });
    await waitFor(() => Math.abs(pub(spec).tension - Math.min(100, before + 6)) < 1e-9, 'tension raised');
    const notice = spec.of<Notice>('notice').find((n) => n.kind === 'custom-event');
    expect(notice?.text).toContain('Cable cut: A subsea cable to Taiwan is cut.');
    expect(us.of<Notice>('notice').some((n) => n.kind === 'custom-event')).toBe(true);
    const bad: unknown[] = [
      { title: 'x', text: 'y', effects: [{ key: 'teleport', value: 1 }] },
      { title: 'x', text: 'y', effects: [{ key: 'tension', value: 1000 }] },
      { title: '', text: 'y', effects: [] },
      { title: 'x', text: 'y', effects: [], extra: 1 },
    ];
    const snap = snapshot(spec);
    for (const payload of bad) expect((await ctl.request<ServerError>('control:event', payload, ['control-ack', 'error'])).data.code).toBe('bad-request');
    await sleep(100);
    expect(snapshot(spec)).toEqual(snap);
  });

  it('adjusts a whitelisted figure with a written reason, shown publicly (private figures only to their seat)', async () => {
    const { control: ctl, us, cn, spec } = await exercise();
    await control(ctl, 'control:adjust', { target: { kind: 'tension' }, value: 70, reason: 'Blockade rumours' });
    await waitFor(() => pub(spec).tension === 70, 'tension set');
    const n = spec.of<Notice>('notice').find((x) => x.kind === 'adjusted');
    expect(n).toMatchObject({ reason: 'Blockade rumours' });
    expect(n?.text).toMatch(/Tension from .* to 70/);

    await control(ctl, 'control:adjust', { target: { kind: 'adoption', region: 'HUBS' }, value: 0.25, reason: 'Gulf deal with Huawei' });
    await waitFor(() => pub(spec).adoption.HUBS.democratic === 0.25, 'adoption set');
    // A share reads as a percentage, its region in words.
    await waitFor(() => spec.of<Notice>('notice').filter((x) => x.kind === 'adjusted').length === 2, 'adoption notice');
    expect(spec.of<Notice>('notice').filter((x) => x.kind === 'adjusted')[1].text).toMatch(/^Control set Democratic share: Compute hubs from \d+(\.\d)?% to 25%\.$/);

    // A seat's resources are private: CN sees the figure, US only that Control intervened.
    await control(ctl, 'control:adjust', { target: { kind: 'resources', seat: 'CN' }, value: 17, reason: 'Windfall' });
    await waitFor(() => cn.latestSeatView()?.resources === 17, 'CN resources');
    await waitFor(() => us.of<Notice>('notice').filter((x) => x.kind === 'adjusted').length === 3, 'US notices');
    const usNotice = us.of<Notice>('notice').filter((x) => x.kind === 'adjusted')[2];
    expect(usNotice.text).toBe('Control adjusted one of China’s figures.');
    expect(usNotice.reason).toBe('Windfall');
    expect(cn.of<Notice>('notice').filter((x) => x.kind === 'adjusted')[2].text).toMatch(/China resources from .* to 17/);
    expect(us.of<SeatView>('seat-view').every((v) => v.seat === 'US')).toBe(true);

    await control(ctl, 'control:adjust', { target: { kind: 'lever', seat: 'US', lever: 'chipControls' }, value: 0.9, reason: 'New rule' });
    await waitFor(() => us.latestSeatView()?.levers.chipControls === 0.9, 'US lever');

    const snap = snapshot(spec);
    const refusals: [unknown, string][] = [
      [{ target: { kind: 'tension' }, value: 50 }, 'bad-request'],
      [{ target: { kind: 'tension' }, value: 50, reason: '' }, 'bad-request'],
      [{ target: { kind: 'tension' }, value: 150, reason: 'too much' }, 'refused'],
      [{ target: { kind: 'seed' }, value: 1, reason: 'not allowed' }, 'bad-request'],
      [{ target: { kind: 'lever', seat: 'US', lever: 'smuggling' }, value: 0.5, reason: 'wrong seat' }, 'refused'],
    ];
    for (const [payload, code] of refusals) {
      const reply = await ctl.request<ServerError>('control:adjust', payload, ['control-ack', 'error']);
      expect(reply.data.code, JSON.stringify(payload)).toBe(code);
    }
    await sleep(100);
    expect(snapshot(spec)).toEqual(snap);
  });

  it('hands a seat to its bot and back', async () => {
    const { control: ctl, us, cn } = await exercise();
    await control(ctl, 'control:seat', { seat: 'US', to: 'bot' });
    await waitFor(() => cn.state.seats.US?.handedToBot === true, 'US handed to bot');
    expect(cn.state.seats.US).toMatchObject({ bot: true, occupied: true, members: 1 });
    const refused = await us.request<ServerError>('submit', { turn: 0, orders: [] }, ['ack', 'error']);
    expect(refused.data.code).toBe('handed-to-bot');
    expect(refused.data.message).toBe('Control has handed United States to its bot; its bot gives the orders.');
    // Only CN owes orders now.
    await cn.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => us.state.turn === 1 && us.latestSeatView()?.turn === 1, 'resolved without US');
    expect(us.latestSeatView()?.lastOrders.length).toBeGreaterThan(0);
    expect(us.latestSeatView()?.lastOrdersByBot).toBe(true);

    await control(ctl, 'control:seat', { seat: 'US', to: 'human' });
    await waitFor(() => cn.state.seats.US?.handedToBot === false && cn.state.seats.US?.bot === false, 'US back to people');
    expect((await ctl.request<ServerError>('control:seat', { seat: 'US', to: 'human' }, ['control-ack', 'error'])).data.code).toBe('refused');
    await us.request('submit', { turn: 1, orders: [] }, ['ack']);
  });

  it('ends the match now and classifies the outcome from the current figures', async () => {
    const { control: ctl, us, spec } = await exercise();
    await control(ctl, 'control:end', { reason: 'Out of time' });
    await waitFor(() => spec.state.phase === 'finished', 'finished');
    const view = pub(spec);
    expect(view.outcome).not.toBeNull();
    expect(view.outcome?.turn).toBe(0);
    // The outcome itself says Control ended it, and why: the end screen and the report read it from there.
    expect(view.outcome).toMatchObject({ endedByControl: true, early: false });
    expect(view.outcome?.reason).toMatch(/^Control ended the match after 0 of 10 quarters \(“Out of time”\)\. /);
    expect(spec.of<Notice>('notice').find((n) => n.kind === 'ended')).toMatchObject({ reason: 'Out of time' });
    expect((await us.request<ServerError>('submit', { turn: 0, orders: [] }, ['ack', 'error'])).data.code).toBe('wrong-phase');
    expect((await ctl.request<ServerError>('control:end', {}, ['control-ack', 'error'])).data.code).toBe('wrong-phase');
  });
});
