import { describe, expect, it } from 'vitest';
import { MatchRecordSchema, replay, ReportSchema } from '../../shared/analysis/index.js';
import { FinishedViewSchema } from '../../shared/index.js';
import { facilitatedMatch, Player, serverForFile, waitFor } from './harness.js';

const server = serverForFile();
const open = server.open;

const FILES = ['record.json', 'report.json', 'report.html', 'report.csv', 'end.json'];
const get = (code: string, file: string) => fetch(`${server.endpoint}/api/matches/${code}/${file}`);

describe('after-action data over HTTP', () => {
  it('serves nothing while a match is played, and the record and reports once it is over', async () => {
    const { control, players } = await facilitatedMatch(server.endpoint, ['US', 'CN'], { seed: 'reports' });
    const { US: us, CN: cn } = players;
    open.push(control, us, cn);
    await control.request('start', {}, ['notice']);
    await waitFor(() => us.state.phase === 'orders', 'orders');
    await us.request('submit', { turn: 0, orders: [{ action: 'us-intel', intensity: 1 }] }, ['ack']);
    for (const f of FILES) expect((await get(control.code, f)).status, f).toBe(404);
    await cn.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => us.state.turn === 1, 'turn 1');
    await control.request('control:adjust', { target: { kind: 'tension' }, value: 55, reason: 'Carrier transit' }, ['control-ack']);
    for (const f of FILES) expect((await get(control.code, f)).status, f).toBe(404);

    await control.request('control:end', { reason: 'Time for the debrief' }, ['control-ack']);
    await waitFor(() => us.state.phase === 'finished', 'finished');

    const record = MatchRecordSchema.parse(await (await get(control.code, 'record.json')).json());
    expect(record).toMatchObject({ version: 1, code: control.code, seed: 'reports' });
    expect(record.turns).toHaveLength(1);
    expect(record.turns[0].orders.US).toEqual([{ action: 'us-intel', intensity: 1 }]);
    // The code as people type it, in lower case with a dash, names the same match.
    const typed = `${control.code.slice(0, 3)}-${control.code.slice(3)}`.toLowerCase();
    expect(await (await get(typed, 'record.json')).json()).toEqual(record);

    const reportJson = (await (await get(control.code, 'report.json')).json()) as { interventions: { text: string; reason?: string }[] };
    const report = ReportSchema.parse(reportJson);
    expect(report.quarters).toHaveLength(1);
    expect(reportJson.interventions.map((i) => i.reason)).toEqual(expect.arrayContaining(['Carrier transit', 'Time for the debrief']));
    // Worded alike, the verb first (the table names who acted); the end names the quarters played, as the end banner does.
    const texts = reportJson.interventions.map((i) => i.text);
    expect(texts).toContainEqual(expect.stringMatching(/^Set Tension from \d+(\.\d)? to 55\.$/));
    expect(texts).toContainEqual(expect.stringMatching(new RegExp(`^Ended the match after 1 of ${us.state.turns} quarters: [^.]+\\.$`)));

    const html = await (await get(control.code, 'report.html')).text();
    expect(html).toContain("Control's interventions");
    expect(html).toContain('Carrier transit');
    const csv = await get(control.code, 'report.csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain(`lead-time-${control.code}-report.csv`);
    expect((await csv.text()).split('\n')[0]).toMatch(/^turn,quarter,seat/);
    // The end screen's view, for reopening the match after its room closes: what the players saw at the end.
    const end = FinishedViewSchema.parse(await (await get(control.code, 'end.json')).json());
    expect(end.code).toBe(control.code);
    expect(end.view).toMatchObject({ scenarioId: 'baseline', turn: 1, turns: us.state.turns });
    expect(end.view).toEqual(us.pub);
    // The facilitator key is in none of it.
    const key = control.you()?.facilitatorKey ?? 'no-key';
    for (const f of FILES) expect(await (await get(control.code, f)).text(), f).not.toContain(key);
  });

  it('keeps a record that replays a facilitated, negotiated match exactly', async () => {
    const { control, players } = await facilitatedMatch(server.endpoint, ['US', 'CN'], { seed: 'replayable' });
    const { US: us, CN: cn } = players;
    open.push(control, us, cn);
    await control.request('start', {}, ['notice']);
    await waitFor(() => us.state.phase === 'orders', 'orders');
    // Before the first resolution: Control adjusts, writes a custom event and injects a deck card.
    await control.request('control:adjust', { target: { kind: 'cooperation' }, value: 60, reason: 'Back-channel talks' }, ['control-ack']);
    await control.request('control:event', { title: 'Data-centre fire', text: 'A hub data centre burns.', effects: [{ key: 'tension', value: 4 }] }, ['control-ack']);
    await control.request('control:inject', { eventId: 'safety-summit' }, ['control-ack']);
    await us.request('submit', { turn: 0, orders: [{ action: 'us-fund-enforcement', intensity: 2 }] }, ['ack']);
    await cn.request('submit', { turn: 0, orders: [{ action: 'cn-smuggling', intensity: 1 }] }, ['ack']);
    await waitFor(() => us.state.turn === 1, 'turn 1');
    // Second quarter: a player proposes an agreement, the other accepts, Control adjusts a seat's lever.
    await us.request('propose', { kind: 'incident-hotline', parties: ['US', 'CN'] }, ['proposal', 'error']);
    await control.request('control:adjust', { target: { kind: 'lever', seat: 'US', lever: 'enforcement' }, value: 0.9, reason: 'New statute' }, ['control-ack']);
    await us.request('submit', { turn: 1, orders: [] }, ['ack']);
    await cn.request('submit', { turn: 1, orders: [] }, ['ack']);
    await waitFor(() => us.state.turn === 2, 'turn 2');
    await control.request('control:end', { reason: 'Debrief' }, ['control-ack']);
    await waitFor(() => us.state.phase === 'finished', 'finished');

    const record = MatchRecordSchema.parse(await (await get(control.code, 'record.json')).json());
    const report = ReportSchema.parse(await (await get(control.code, 'report.json')).json());
    expect(record.turns[0].actions?.map((a) => a.kind)).toEqual(['adjust', 'custom-event', 'inject']);
    expect(record.turns[1].actions?.map((a) => a.kind)).toEqual(['propose', 'adjust']);
    const states = replay(record);
    const final = states[states.length - 1];
    expect(final.outcome?.id).toBe(report.outcome.id);
    expect(final.outcome?.reason).toBe(report.outcome.reason);
    expect(final.history.map((h) => h.leadMonths)).toEqual(report.quarters.map((q) => q.leadMonths));
    expect(final.history.map((h) => h.tension)).toEqual(report.quarters.map((q) => q.tension));
    expect(final.history.map((h) => h.cooperation)).toEqual(report.quarters.map((q) => q.cooperation));
  });

  it('names who played each seat and keeps the public negotiation, and nothing said in private, in every file', async () => {
    const { control, players } = await facilitatedMatch(server.endpoint, ['US', 'CN'], { seed: 'debrief' });
    const { US: us, CN: cn } = players;
    const deputy = await Player.join(server.endpoint, control.code, { join: { seat: 'US', name: 'US deputy' } });
    open.push(control, us, cn, deputy);
    await waitFor(() => deputy.you() !== undefined, 'deputy you');
    await control.request('start', {}, ['notice']);
    await waitFor(() => us.state.phase === 'orders', 'orders');
    await cn.say('public', 'PUBLIC-1 <script>alert(1)</script><img src=x onerror=alert(2)>');
    await us.say('dm:US:CN', 'DM-SECRET a quiet word');
    await deputy.say('team:US', 'TEAM-SECRET our line');
    await control.say('team:CN', 'CONTROL-SECRET a nudge');
    const proposed = await us.request<{ id: string }>('propose', { kind: 'incident-hotline', parties: ['CN'] }, ['proposal', 'error']);
    await cn.request('respond', { id: proposed.data.id, accept: false }, ['proposal', 'error']);
    await deputy.request('submit', { turn: 0, orders: [] }, ['ack']);
    await cn.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => us.state.turn === 1, 'turn 1');
    await control.request('control:end', { reason: 'Debrief' }, ['control-ack']);
    await waitFor(() => us.state.phase === 'finished', 'finished');

    const report = ReportSchema.parse(await (await get(control.code, 'report.json')).json());
    expect(report.seats?.US.players).toEqual(['US lead', 'US deputy']);
    expect(report.seats?.CN.players).toEqual(['CN lead']);
    expect(report.seats?.EU).toEqual({ players: [], botTurns: [1], draftedTurns: [], byTurn: [] });
    expect(report.seats?.US.byTurn).toEqual([{ turn: 1, players: ['US lead', 'US deputy'] }]);
    expect(report.negotiation?.publicChat.map((m) => [m.name, m.seat, m.quarter, m.text])).toEqual([['CN lead', 'CN', report.quarters[0].quarter, 'PUBLIC-1 <script>alert(1)</script><img src=x onerror=alert(2)>']]);
    expect(report.negotiation?.proposals.map((p) => [p.kind, p.proposer, p.parties, p.status, p.declinedBy])).toEqual([['incident-hotline', 'US', ['US', 'CN'], 'declined', 'CN']]);
    const html = await (await get(control.code, 'report.html')).text();
    expect(html).toContain('<td>US lead, US deputy</td>');
    expect(html).toContain('PUBLIC-1 &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('Private and team channels are not included.');
    expect(html).not.toMatch(/<script|<img/i);
    expect(await (await get(control.code, 'report.csv')).text()).toContain(',players,US lead; US deputy\n');
    for (const f of FILES) expect(await (await get(control.code, f)).text(), f).not.toMatch(/DM-SECRET|TEAM-SECRET|CONTROL-SECRET/);
  });

  it('answers 404 for unknown codes and files', async () => {
    expect((await get('ACDEFG', 'record.json')).status).toBe(404);
    expect((await get('bad code', 'record.json')).status).toBe(404);
    expect((await get('ACDEFG', 'secrets.txt')).status).toBe(404);
  });
});
