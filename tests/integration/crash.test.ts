import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatHistory, DraftMessage, OrdersAck, PublicView, SeatView } from '../../shared/index.js';
import type { ChatMessage } from '../../shared/chat.js';
import { freePort, killHard, startChild, type ChildServer } from './child-server.js';
import { Player, waitFor } from './harness.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'leadtime-crash-'));
const children: ChildServer[] = [];
const players: Player[] = [];

afterAll(async () => {
  await Promise.all(players.map((p) => p.leave().catch(() => undefined)));
  for (const c of children) await killHard(c);
  rmSync(dataDir, { recursive: true, force: true });
});

async function playQuarter(us: Player, cn: Player, turn: number) {
  await us.say('public', `Q${turn} public from US`);
  await cn.say('dm:US:CN', `Q${turn} private from CN`);
  await us.request('submit', { turn, orders: [{ action: 'us-intel', intensity: 1 }] }, ['ack']);
  await cn.request('submit', { turn, orders: [{ action: 'cn-chip-drive', intensity: 1 }] }, ['ack']);
  await waitFor(() => us.state.turn === turn + 1 && cn.latestSeatView()?.turn === turn + 1, `turn ${turn + 1}`);
}

describe('a server killed mid-match (SIGKILL) and restarted on the same data folder', () => {
  it('resumes the match under the same code with every acknowledged order and chat message', async () => {
    const port = await freePort();
    const first = await startChild(port, dataDir);
    children.push(first);

    const control = await Player.create(first.endpoint, { create: { facilitated: true, seed: 'crash' }, join: { name: 'Control' } });
    await waitFor(() => control.you() !== undefined, 'control you');
    const key = control.you()?.facilitatorKey ?? '';
    const code = control.code;
    const us = await Player.join(first.endpoint, code, { join: { seat: 'US', name: 'Alice' } });
    const cn = await Player.join(first.endpoint, code, { join: { seat: 'CN', name: 'Bo' } });
    players.push(control, us, cn);
    await waitFor(() => us.you() !== undefined && cn.you() !== undefined, 'players');
    await control.request('start', {}, ['notice']);
    await waitFor(() => us.state.phase === 'orders', 'started');

    await playQuarter(us, cn, 0);
    await playQuarter(us, cn, 1);
    expect((await fetch(`${first.endpoint}/api/matches/${code}/record.json`)).status).toBe(404); // not while playing

    // Quarter 3: US submits and is acknowledged, CN chats and is acknowledged; then the power goes.
    const usOrders = [{ action: 'us-chip-tracking', intensity: 1 }];
    const ack = await us.request<OrdersAck>('submit', { turn: 2, orders: usOrders }, ['ack', 'error']);
    expect(ack).toMatchObject({ type: 'ack', data: { turn: 2, accepted: 1 } });
    const lastWords = await cn.say('dm:US:CN', 'acknowledged just before the crash');
    const cnDraft = [{ action: 'cn-chip-drive', intensity: 2 }];
    await cn.request('draft', { turn: 2, orders: cnDraft }, ['draft']);
    await waitFor(() => cn.state.seats.US?.submitted === true, 'US submitted flag');
    const publicBefore = cn.pub;
    const usChatBefore = us.of<ChatMessage>('chat').map((m) => m.id);
    expect(usChatBefore).toContain(lastWords.id);
    await killHard(first);

    const second = await startChild(port, dataDir);
    children.push(second);
    const us2 = await Player.join(second.endpoint, code, { join: { seat: 'US', name: 'Alice' } });
    const cn2 = await Player.join(second.endpoint, code, { join: { seat: 'CN', name: 'Bo' } });
    const ctl2 = await Player.join(second.endpoint, code, { join: { role: 'facilitator', key, name: 'Control' } });
    players.push(us2, cn2, ctl2);
    await waitFor(() => [us2, cn2, ctl2].every((p) => p.of('chat-history').length > 0) && us2.latestSeatView() !== undefined, 'rejoined');

    // Same code, same quarter, same public figures; US is still marked submitted.
    expect(us2.state).toMatchObject({ code, phase: 'orders', turn: 2, facilitated: true });
    expect(us2.pub).toEqual(publicBefore);
    expect(us2.state.seats.US?.submitted).toBe(true);
    expect(us2.state.seats.CN?.submitted).toBe(false);
    expect(ctl2.you()).toMatchObject({ role: 'facilitator', host: true });
    // Every acknowledged chat message US could read is still there, in order.
    const history = us2.of<ChatHistory>('chat-history')[0].messages;
    expect(history.map((m) => m.id)).toEqual(usChatBefore);
    expect(history.at(-1)).toMatchObject({ text: 'acknowledged just before the crash', channel: 'dm:US:CN' });
    // CN's draft came back with the seat.
    await waitFor(() => cn2.of('draft').length > 0, 'CN draft after restart');
    expect(cn2.of<DraftMessage>('draft')[0]).toMatchObject({ seat: 'CN', turn: 2, orders: cnDraft, by: 'Bo' });
    // US's acknowledged submission came back too, as the seat's orders for the quarter.
    await waitFor(() => us2.of('draft').length > 0, 'US submission after restart');
    expect(us2.of<DraftMessage>('draft')).toEqual([expect.objectContaining({ seat: 'US', turn: 2, orders: usOrders, submitted: true })]);
    // US cannot submit twice, even across the restart.
    expect((await us2.request('submit', { turn: 2, orders: [] }, ['ack', 'error'])).data).toMatchObject({ code: 'already-submitted' });

    // The match goes on: CN submits, the quarter resolves with US's acknowledged orders.
    await cn2.request('submit', { turn: 2, orders: [] }, ['ack']);
    await waitFor(() => us2.state.turn === 3 && us2.latestSeatView()?.turn === 3, 'turn 3 after the restart');
    expect((us2.latestSeatView() as SeatView).lastOrders).toEqual(usOrders);
    const view = us2.pub;
    expect(view.series.map((s) => s.turn)).toEqual([1, 2, 3]);

    // Finish it and the after-action data appears.
    await ctl2.request('control:end', { reason: 'Debrief' }, ['control-ack']);
    await waitFor(() => us2.state.phase === 'finished', 'finished');
    const record = (await (await fetch(`${second.endpoint}/api/matches/${code}/record.json`)).json()) as { turns: unknown[]; code: string };
    expect(record.code).toBe(code);
    expect(record.turns).toHaveLength(3);
  });
});
