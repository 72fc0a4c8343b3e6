import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { matchMaker } from '@colyseus/core';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MatchRecordSchema, ReportSchema } from '../../shared/analysis/index.js';
import { MODEL_VERSION, type NoticeList } from '../../shared/index.js';
import { startServer, type RunningServer } from '../../server/app.js';
import { Player, waitFor } from './harness.js';

// A server upgrade is played out on one store: matches are stored, then their stored rows are made to look
// as an older server or an older model left them, and this server must serve and resume them honestly.
const dataDir = mkdtempSync(path.join(tmpdir(), 'leadtime-upgrade-'));
let server: RunningServer | undefined;
const players: Player[] = [];

afterAll(async () => {
  await Promise.all(players.map((p) => p.leave().catch(() => undefined)));
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const endpoint = () => `http://127.0.0.1:${server!.port}`;
const db = () => new Database(path.join(dataDir, 'matches.sqlite'));
const sql = (query: string, ...params: unknown[]) => {
  const d = db();
  try {
    return d.prepare(query).run(...params);
  } finally {
    d.close();
  }
};
const get = (code: string, file: string) => fetch(`${endpoint()}/api/matches/${code}/${file}`);

async function join(code: string, seat: string, name: string): Promise<Player> {
  const p = await Player.join(endpoint(), code, { join: { seat, name } });
  players.push(p);
  await waitFor(() => p.you() !== undefined && p.latestSeatView() !== undefined, `${name} seated`);
  return p;
}

/** A match with people in US and CN, one quarter resolved; everyone still in. */
async function oneQuarter(seed: string): Promise<{ us: Player; cn: Player; code: string }> {
  const us = await Player.create(endpoint(), { create: { scenario: 'baseline', seed, turns: 4 }, join: { seat: 'US', name: 'Ada' } });
  players.push(us);
  const cn = await join(us.code, 'CN', 'Bo');
  us.send('start', {});
  await waitFor(() => us.state.phase === 'orders', 'orders');
  await us.request('submit', { turn: 0, orders: [{ action: 'us-intel', intensity: 1 }] }, ['ack']);
  await cn.request('submit', { turn: 0, orders: [] }, ['ack']);
  await waitFor(() => cn.state.turn === 1 && cn.latestSeatView()?.turn === 1, 'turn 1');
  return { us, cn, code: us.code };
}

/** Both people submit empty orders until the match ends. */
async function playToEnd(us: Player, cn: Player) {
  while (us.state.phase !== 'finished') {
    const turn = us.state.turn;
    await us.request('submit', { turn, orders: [] }, ['ack']);
    await cn.request('submit', { turn, orders: [] }, ['ack']);
    await waitFor(() => us.state.turn > turn || us.state.phase === 'finished', `after turn ${turn}`);
  }
}

async function restart() {
  await Promise.all(players.splice(0).map((p) => p.leave().catch(() => undefined)));
  await server!.close();
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, idleSeconds: 1, reconnectSeconds: 0 });
}

async function putAway(...ps: Player[]) {
  const code = ps[0].code;
  for (const p of ps) await p.leave();
  await waitFor(() => matchMaker.getLocalRoomById(code) === undefined, 'the room put away', 8000);
}

const modelNotices = (p: Player) => p.of<NoticeList>('notices').flatMap((l) => l.notices).filter((n) => n.kind === 'model-changed');

describe('a server upgrade and the matches it finds in its store', () => {
  it('stores the model version a match begins under, and resumes a match of another version with a notice to everyone', async () => {
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, idleSeconds: 1, reconnectSeconds: 0 });
    const { us, cn, code } = await oneQuarter('upgrade-live');
    const before = cn.pub;
    await putAway(us, cn);
    const row = db().prepare('SELECT options FROM matches WHERE code = ?').get(code) as { options: string };
    expect(JSON.parse(row.options)).toMatchObject({ modelVersion: MODEL_VERSION });

    // Same version: it wakes without a word.
    const cn2 = await join(code, 'CN', 'Bo');
    expect(modelNotices(cn2)).toEqual([]);
    await putAway(cn2);

    // Stored by a server that kept no model version: it wakes with the notice, its quarter as it was.
    sql("UPDATE matches SET options = json_remove(options, '$.modelVersion') WHERE code = ?", code);
    const cn3 = await join(code, 'CN', 'Bo');
    expect(cn3.pub).toEqual(before);
    const [notice] = modelNotices(cn3);
    expect(notice?.text).toContain(`before the server kept model versions and now runs under version ${MODEL_VERSION}`);
    expect(notice?.text).toContain('Its first quarter was replayed');
    const us3 = await join(code, 'US', 'Ada');
    expect(modelNotices(us3)).toHaveLength(1);
    await putAway(cn3, us3);

    // Begun under an older version: the notice names it.
    sql("UPDATE matches SET options = json_set(options, '$.modelVersion', ?) WHERE code = ?", MODEL_VERSION + 1, code);
    const cn4 = await join(code, 'CN', 'Bo');
    expect(modelNotices(cn4)[0]?.text).toContain(`began under model version ${MODEL_VERSION + 1}`);
  });

  it('tells a match resumed under another version before its first quarter resolved that nothing it saw changed', async () => {
    const us = await Player.create(endpoint(), { create: { scenario: 'baseline', seed: 'upgrade-unplayed', turns: 4 }, join: { seat: 'US', name: 'Ada' } });
    players.push(us);
    us.send('start', {});
    await waitFor(() => us.state.phase === 'orders', 'orders');
    const code = us.code;
    await putAway(us);
    sql("UPDATE matches SET options = json_set(options, '$.modelVersion', ?) WHERE code = ?", MODEL_VERSION + 1, code);
    const back = await join(code, 'US', 'Ada');
    expect(back.state).toMatchObject({ phase: 'orders', turn: 0 });
    const [notice] = modelNotices(back);
    expect(notice?.text).toContain(`began under model version ${MODEL_VERSION + 1} and now runs under version ${MODEL_VERSION}`);
    expect(notice?.text).toContain('No quarter has resolved yet, so nothing you saw has changed.');
  });

  it("serves a finished match's after-action files as they were when it ended, whatever its log replays to later", async () => {
    const { us, cn, code } = await oneQuarter('upgrade-finished');
    await playToEnd(us, cn);
    const files = ['record.json', 'report.json', 'report.csv', 'end.json', 'report.html'];
    const first = await Promise.all(files.map(async (f) => (await get(code, f)).text()));
    const record = MatchRecordSchema.parse(JSON.parse(first[0]));
    expect(record.model).toBe(MODEL_VERSION);
    expect(record.turns[0].orders.US).toEqual([{ action: 'us-intel', intensity: 1 }]);

    // As if a later model played the log out differently: the first quarter's US orders now read otherwise.
    sql("UPDATE log SET payload = json_set(payload, '$.orders', json('[]')) WHERE code = ? AND kind = 'submit' AND json_extract(payload, '$.seat') = 'US'", code);
    sql("UPDATE log SET payload = json_set(payload, '$.orders.US', json('[]')) WHERE code = ? AND kind = 'resolve'", code);
    await restart();
    const later = await Promise.all(files.map(async (f) => (await get(code, f)).text()));
    expect(later).toEqual(first);
  });

  it('keeps the summary of a match finished before summaries were kept the first time it is asked for, and reads past a damaged one', async () => {
    const { us, cn, code } = await oneQuarter('upgrade-old');
    await playToEnd(us, cn);
    const served = await (await get(code, 'report.json')).text();

    const summary = () => (db().prepare('SELECT summary FROM matches WHERE code = ?').get(code) as { summary: string | null }).summary;
    expect(summary()).not.toBeNull();
    sql('UPDATE matches SET summary = NULL WHERE code = ?', code);
    await restart();
    expect(await (await get(code, 'report.json')).text()).toBe(served);
    expect(summary()).not.toBeNull();

    sql("UPDATE matches SET summary = '{\"model\": 1}' WHERE code = ?", code);
    await restart();
    expect(await (await get(code, 'report.json')).text()).toBe(served);
  });

  it('serves a summary kept before players and the public negotiation were, as it was kept, without rebuilding it', async () => {
    const { us, cn, code } = await oneQuarter('upgrade-no-players');
    await us.say('public', 'Good game');
    await playToEnd(us, cn);
    const report = ReportSchema.parse(await (await get(code, 'report.json')).json());
    expect(report.seats?.US.players).toEqual(['Ada']);
    expect(report.negotiation?.publicChat.map((m) => m.text)).toEqual(['Good game']);

    // As a server before this kept it: the same summary without the new fields.
    const stored = (db().prepare('SELECT summary FROM matches WHERE code = ?').get(code) as { summary: Buffer }).summary;
    const summary = JSON.parse(gunzipSync(stored).toString('utf8')) as { report: Record<string, unknown> };
    delete summary.report.seats;
    delete summary.report.negotiation;
    const kept = JSON.stringify(summary);
    sql('UPDATE matches SET summary = ? WHERE code = ?', kept, code);
    await restart();
    const old = ReportSchema.parse(await (await get(code, 'report.json')).json());
    expect(old.seats).toBeUndefined();
    expect(old.negotiation).toBeUndefined();
    expect(old.quarters).toEqual(report.quarters);
    expect(await (await get(code, 'report.html')).text()).not.toContain('Who played each seat');
    expect((db().prepare('SELECT summary FROM matches WHERE code = ?').get(code) as { summary: string }).summary).toBe(kept);
  });
});
