import { describe, expect, it } from 'vitest';
import type { Notice, PublicView, ServerError } from '../../shared/index.js';
import type { ProposalView } from '../../shared/diplomacy.js';
import { facilitatedMatch, Player, serverForFile, sleep, waitFor } from './harness.js';

const server = serverForFile();
const open = server.open;

async function table() {
  const m = await facilitatedMatch(server.endpoint, ['US', 'CN', 'EU'], { seed: 'treaty', orderSeconds: 600 });
  const spec = await Player.join(server.endpoint, m.control.code, { join: { role: 'spectator', name: 'Projector' } });
  await waitFor(() => spec.you() !== undefined, 'spectator');
  const t = { control: m.control, us: m.players.US, cn: m.players.CN, eu: m.players.EU, spec };
  open.push(...Object.values(t));
  await t.control.request('start', {}, ['notice']);
  await waitFor(() => t.us.state.phase === 'orders', 'orders');
  return t;
}

const latest = (p: Player, id: string) => p.of<ProposalView>('proposal').filter((v) => v.id === id).at(-1);

describe('agreement proposals', () => {
  it('reach only their parties and Control; when all accept they are announced, then signed at resolution', async () => {
    const t = await table();
    const made = await t.us.request<ProposalView>('propose', { kind: 'incident-hotline', parties: ['CN'] }, ['proposal', 'error']);
    expect(made.type).toBe('proposal');
    const id = made.data.id;
    expect(made.data).toMatchObject({ kind: 'incident-hotline', proposer: 'US', parties: ['US', 'CN'], acceptedBy: ['US'], status: 'open' });
    await waitFor(() => latest(t.cn, id) !== undefined && latest(t.control, id) !== undefined, 'CN and Control see it');

    // Not a party: refused, and nothing of the proposal reaches EU or the projector.
    expect((await t.eu.request<ServerError>('respond', { id, accept: true }, ['proposal', 'error'])).data.code).toBe('not-party');
    expect((await t.cn.request<ServerError>('respond', { id, accept: true, seat: 'US' }, ['proposal', 'error'])).data.code).toBe('forged-seat');
    expect((await t.spec.request<ServerError>('respond', { id, accept: true }, ['proposal', 'error'])).data.code).toBe('spectator');
    expect((await t.spec.request<ServerError>('propose', { kind: 'incident-hotline', parties: ['CN'] }, ['proposal', 'error'])).data.code).toBe('spectator');
    await sleep(100);
    for (const p of [t.eu, t.spec]) {
      expect(p.of('proposal')).toEqual([]);
      expect(p.wireText()).not.toContain('incident-hotline');
    }

    await t.cn.request('respond', { id, accept: true }, ['proposal']);
    await waitFor(() => latest(t.us, id)?.status === 'agreed', 'agreed');
    await waitFor(() => t.spec.of<Notice>('notice').some((n) => n.kind === 'agreement-agreed'), 'public announcement');
    expect(t.eu.of<Notice>('notice').find((n) => n.kind === 'agreement-agreed')?.text).toMatch(/United States, China agreed the/);
    expect(t.eu.of('proposal')).toEqual([]);

    await t.us.request('submit', { turn: 0, orders: [] }, ['ack']);
    await t.cn.request('submit', { turn: 0, orders: [] }, ['ack']);
    await t.eu.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => t.spec.state.turn === 1, 'resolved');
    await waitFor(() => latest(t.us, id)?.status === 'signed', 'signed');
    expect(latest(t.cn, id)?.note).toMatch(/In force until/);
    const view = t.spec.pub;
    expect(view.agreements.map((a) => a.kind)).toContain('incident-hotline');
    expect(view.agreements.find((a) => a.kind === 'incident-hotline')?.parties.sort()).toEqual(['CN', 'US']);
  });

  it('drops a declined proposal, refuses what the terms or cooperation forbid, and lets Control answer for a seat', async () => {
    const t = await table();
    const made = await t.us.request<ProposalView>('propose', { kind: 'chip-tracking-pact', parties: ['EU'] }, ['proposal', 'error']);
    const id = made.data.id;
    await waitFor(() => latest(t.eu, id) !== undefined, 'EU sees it');
    await t.eu.request('respond', { id, accept: false }, ['proposal']);
    await waitFor(() => latest(t.us, id)?.status === 'declined', 'declined');
    expect(latest(t.us, id)?.declinedBy).toBe('EU');
    expect((await t.cn.request<ServerError>('respond', { id, accept: true }, ['proposal', 'error'])).data.code).toBe('refused');

    const refusals: [unknown, string][] = [
      [{ kind: 'joint-governance', parties: ['CN'] }, 'refused'], // cooperation 20 < 50
      [{ kind: 'chip-tracking-pact', parties: ['CN'] }, 'refused'], // CN is not eligible
      [{ kind: 'no-such-pact', parties: ['CN'] }, 'refused'],
      [{ kind: 'incident-hotline' }, 'bad-request'],
      [{ kind: 'incident-hotline', parties: ['MARS'] }, 'bad-request'],
    ];
    for (const [payload, code] of refusals) {
      const reply = await t.us.request<ServerError>('propose', payload, ['proposal', 'error']);
      expect(reply.data.code, JSON.stringify(payload)).toBe(code);
    }

    // Control, as the white cell, answers for a party (here the human CN, for the test).
    const hot = await t.us.request<ProposalView>('propose', { kind: 'incident-hotline', parties: ['CN'] }, ['proposal', 'error']);
    // Control is sent every proposal; wait for this one, so the next proposal frame is not taken for a reply.
    await waitFor(() => latest(t.control, hot.data.id) !== undefined, 'Control sees it');
    expect((await t.control.request<ServerError>('respond', { id: hot.data.id, accept: true }, ['proposal', 'error'])).data.code).toBe('bad-request');
    await t.control.request('respond', { id: hot.data.id, accept: true, seat: 'CN' }, ['proposal']);
    await waitFor(() => latest(t.cn, hot.data.id)?.status === 'agreed', 'agreed via Control');
  });

  it('says at once which bot parties will not sign, and their answer holds at resolution', async () => {
    const t = await table();
    const bots = ['JK', 'TW', 'HUB'] as const;
    const made = await t.us.request<ProposalView>('propose', { kind: 'chip-tracking-pact', parties: [...bots] }, ['proposal', 'error']);
    expect(made.type).toBe('proposal');
    const v = made.data;
    // Every bot party has answered: it accepted, or its bot will not sign (never "has not answered").
    for (const seat of bots) expect(v.acceptedBy.includes(seat) !== (v.botsWillNot ?? []).includes(seat), seat).toBe(true);
    expect(v.botsWillNot?.length, 'a bot that says no').toBeGreaterThan(0);

    for (const p of [t.us, t.cn, t.eu]) await p.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => t.spec.state.turn === 1, 'resolved');
    const signed = t.spec.pub.agreements.find((a) => a.kind === 'chip-tracking-pact');
    for (const seat of v.botsWillNot ?? []) expect(signed?.parties ?? [], seat).not.toContain(seat);
  });

  it('tells the parties an agreement signed and breached in the open the same quarter was signed, then collapsed', async () => {
    const t = await table();
    await t.control.request('control:adjust', { target: { kind: 'cooperation' }, value: 60, reason: 'Summit mood' }, ['control-ack']);
    const made = await t.us.request<ProposalView>('propose', { kind: 'mutual-restraint', parties: ['CN'] }, ['proposal', 'error']);
    const id = made.data.id;
    await t.cn.request('respond', { id, accept: true }, ['proposal']);
    await waitFor(() => latest(t.us, id)?.status === 'agreed', 'agreed');
    await t.us.request('submit', { turn: 0, orders: [] }, ['ack']);
    await t.cn.request('submit', { turn: 0, orders: [{ action: 'cn-strait-pressure', intensity: 1 }] }, ['ack']);
    await t.eu.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => t.spec.state.turn === 1, 'resolved');
    await waitFor(() => latest(t.us, id)?.status === 'signed', 'signed');
    expect(latest(t.us, id)?.note).toMatch(/^Signed, then breached in the open: it collapsed in 2026 Q3\.$/);
    expect(t.spec.pub.agreements.some((a) => a.kind === 'mutual-restraint')).toBe(false);
  });

  it('shows a late joiner the open proposals of its seat only', async () => {
    const t = await table();
    const made = await t.us.request<ProposalView>('propose', { kind: 'incident-hotline', parties: ['CN'] }, ['proposal', 'error']);
    const cn2 = await Player.join(server.endpoint, t.control.code, { join: { seat: 'CN', name: 'CN deputy' } });
    const eu2 = await Player.join(server.endpoint, t.control.code, { join: { seat: 'EU', name: 'EU deputy' } });
    open.push(cn2, eu2);
    await waitFor(() => cn2.of('proposals').length > 0 && eu2.of('proposals').length > 0, 'snapshots');
    expect(cn2.of<{ proposals: ProposalView[] }>('proposals')[0].proposals.map((p) => p.id)).toEqual([made.data.id]);
    expect(eu2.of<{ proposals: ProposalView[] }>('proposals')[0].proposals).toEqual([]);
  });
});
