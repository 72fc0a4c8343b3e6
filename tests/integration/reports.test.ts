import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MatchRecordSchema, ReportSchema } from '../../shared/analysis/index.js';
import { facilitatedMatch, Player, startTestServer, waitFor, type TestServer } from './harness.js';

let server: TestServer;
const open: Player[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.leave()));
});
afterAll(async () => {
  await server?.stop();
});

const FILES = ['record.json', 'report.json', 'report.html', 'report.csv'];
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

    const reportJson = (await (await get(control.code, 'report.json')).json()) as { interventions: { text: string; reason?: string }[] };
    const report = ReportSchema.parse(reportJson);
    expect(report.quarters).toHaveLength(1);
    expect(reportJson.interventions.map((i) => i.reason)).toEqual(expect.arrayContaining(['Carrier transit', 'Time for the debrief']));

    const html = await (await get(control.code, 'report.html')).text();
    expect(html).toContain("Control's interventions");
    expect(html).toContain('Carrier transit');
    const csv = await get(control.code, 'report.csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await csv.text()).split('\n')[0]).toMatch(/^turn,quarter,seat/);
    // The facilitator key is in none of it.
    const key = control.you()?.facilitatorKey ?? 'no-key';
    for (const f of FILES) expect(await (await get(control.code, f)).text(), f).not.toContain(key);
  });

  it('answers 404 for unknown codes and files', async () => {
    expect((await get('ACDEFG', 'record.json')).status).toBe(404);
    expect((await get('bad code', 'record.json')).status).toBe(404);
    expect((await get('ACDEFG', 'secrets.txt')).status).toBe(404);
  });
});
