import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'colyseus.js';
import { matchMaker } from '@colyseus/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.js';
import { SqliteMatchStore } from '../../server/store/sqlite-store.js';
import { builtinScenario, parseScenario, type RoomListing, type Scenario } from '../../shared/index.js';
import { MatchRecordSchema, replay, ReportSchema } from '../../shared/analysis/index.js';
import { Player, waitFor } from './harness.js';
import { drill as drillOf } from '../fixtures/drill.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'leadtime-own-'));
let server: RunningServer;
const players: Player[] = [];
const endpoint = () => `http://127.0.0.1:${server.port}`;

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, idleSeconds: 1, reconnectSeconds: 0 });
});

afterAll(async () => {
  await Promise.all(players.map((p) => p.leave().catch(() => undefined)));
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The drill (tests/fixtures/drill.ts) from the baseline, with a change of the test's own. */
function drill(patch: (s: Scenario) => void = () => undefined): Scenario {
  const s = drillOf(builtinScenario('baseline')!);
  patch(s);
  return s;
}

async function create(options: object): Promise<Player> {
  const p = await Player.create(endpoint(), options);
  players.push(p);
  await waitFor(() => p.you() !== undefined && p.state.scenarioJson !== '', 'creator seated');
  return p;
}

async function refusal(options: object): Promise<string> {
  const before = await matchMaker.query({});
  const err = await new Client(endpoint()).create('match', options).then(
    () => 'created',
    (e: Error) => e.message,
  );
  // Nothing was made: no room, no stored match.
  expect((await matchMaker.query({})).length).toBe(before.length);
  return err;
}

/** Unfinished matches in the store (a refused creation must not leave one). */
const storedCodes = () => {
  const store = new SqliteMatchStore(path.join(dataDir, 'matches.sqlite'));
  try {
    return store.unfinished();
  } finally {
    store.close();
  }
};

describe('a match on a scenario of the facilitator’s own', () => {
  it('plays from the file’s figures, tells every client the scenario, and keeps it when the match is put away and woken', async () => {
    const own = drill();
    const us = await create({ create: { seed: 'own-1' }, join: { seat: 'US', name: 'Ada' }, scenario: own });
    const code = us.code;
    expect(us.state.scenarioId).toBe('harbour-drill');
    expect(us.state.turns).toBe(2);
    const sent = parseScenario(JSON.parse(us.state.scenarioJson));
    expect(sent.ok && sent.scenario).toEqual(own);
    // Only the file's seats exist; the public picture starts at its tension.
    expect(Object.keys(us.state.seats).sort()).toEqual([...own.seatsInPlay].sort());
    expect(us.pub.tension).toBe(62);
    const listed = (await (await fetch(`${endpoint()}/api/matches`)).json()) as RoomListing[];
    expect(listed.find((r) => r.code === code)).toMatchObject({ scenarioId: 'harbour-drill', scenarioName: 'Harbour drill' });

    // A seat the file leaves out cannot be taken.
    const eu = await new Client(endpoint()).joinById(code, { join: { seat: 'EU', name: 'Eve' } }).then(
      () => 'joined',
      (e: Error) => e.message,
    );
    expect(eu).not.toBe('joined');

    const cn = await Player.join(endpoint(), code, { join: { seat: 'CN', name: 'Bo' } });
    players.push(cn);
    await waitFor(() => cn.you() !== undefined, 'CN seated');
    expect(cn.state.scenarioJson).toBe(us.state.scenarioJson);
    us.send('start', {});
    await waitFor(() => us.state.phase === 'orders', 'orders');
    await us.request('submit', { turn: 0, orders: [] }, ['ack']);
    await cn.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => cn.state.turn === 1, 'quarter 1 resolved');
    expect(cn.state.phase).toBe('orders');

    // Everyone leaves; the match is put away, then rebuilt from the store when a player comes back.
    await us.leave();
    await cn.leave();
    await waitFor(() => matchMaker.getLocalRoomById(code) === undefined, 'the room put away', 6000);
    const back = await Player.join(endpoint(), code, { join: { seat: 'US', name: 'Ada' } });
    players.push(back);
    await waitFor(() => back.you() !== undefined && back.state.scenarioJson !== '', 'back in');
    expect(back.state.scenarioId).toBe('harbour-drill');
    expect(back.state.scenarioJson).toBe(JSON.stringify(own));
    expect(Object.keys(back.state.seats).sort()).toEqual([...own.seatsInPlay].sort());

    // It plays to its own end (two quarters), and the after-action files carry the scenario.
    await back.request('submit', { turn: 1, orders: [] }, ['ack']);
    await waitFor(() => back.state.phase === 'finished', 'finished', 8000);
    const end = (await (await fetch(`${endpoint()}/api/matches/${code}/end.json`)).json()) as { scenario: Scenario; view: { turns: number } };
    expect(end.scenario).toEqual(own);
    expect(end.view.turns).toBe(2);
    const record = (await (await fetch(`${endpoint()}/api/matches/${code}/record.json`)).json()) as { scenario: Scenario };
    expect(record.scenario.id).toBe('harbour-drill');
    expect(record.scenario.start.tension.value).toBe(62);
    const html = await (await fetch(`${endpoint()}/api/matches/${code}/report.html`)).text();
    expect(html).toContain('Harbour drill');
    expect(html).toContain('Set by the facilitator as assumptions (not from a source): Tension (0–100) = 62.');
    const report = (await (await fetch(`${endpoint()}/api/matches/${code}/report.json`)).json()) as { scenario: { assumptions: unknown } };
    expect(report.scenario.assumptions).toEqual([{ path: 'start.tension', value: 62 }]);
  });

  it('rebuilds a put-away match whose kept scenario today’s checks refuse, from the figures it was stored with', async () => {
    const own = drill();
    const us = await create({ create: { seed: 'own-3' }, join: { seat: 'US', name: 'Ada' }, scenario: own });
    const code = us.code;
    const cn = await Player.join(endpoint(), code, { join: { seat: 'CN', name: 'Bo' } });
    players.push(cn);
    await waitFor(() => cn.you() !== undefined, 'CN seated');
    us.send('start', {});
    await waitFor(() => us.state.phase === 'orders', 'orders');
    await us.request('submit', { turn: 0, orders: [{ action: 'us-tighten-chip-controls', intensity: 2 }] }, ['ack']);
    await cn.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => us.state.turn === 1 && us.state.phase === 'orders', 'quarter 1 resolved');
    const played = { tension: us.pub.tension, cooperation: us.pub.cooperation, lead: us.pub.lead };
    await us.leave();
    await cn.leave();
    await waitFor(() => matchMaker.getLocalRoomById(code) === undefined, 'the room put away', 6000);

    // Checks grow stricter between versions: today's refuse a figure this match was stored with.
    const stored = { ...own, params: { ...own.params, retiredFigure: { value: 1, source: 'designer-bots' } } };
    expect(parseScenario(stored).ok).toBe(false);
    const db = new Database(path.join(dataDir, 'matches.sqlite'));
    try {
      expect(db.prepare('UPDATE matches SET scenario = ? WHERE code = ?').run(JSON.stringify(stored), code).changes).toBe(1);
    } finally {
      db.close();
    }

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let outcome = '';
    try {
      const back = await Player.join(endpoint(), code, { join: { seat: 'US', name: 'Ada' } });
      players.push(back);
      await waitFor(() => back.you() !== undefined && back.state.scenarioJson !== '', 'back in');
      // Played on as stored, not refused and not swapped for a built-in: the same position as before.
      expect(back.state.scenarioId).toBe('harbour-drill');
      expect(JSON.parse(back.state.scenarioJson)).toEqual(stored);
      expect(back.state.turn).toBe(1);
      expect({ tension: back.pub.tension, cooperation: back.pub.cooperation, lead: back.pub.lead }).toEqual(played);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^match ${code}: its stored scenario fails today's checks \\(.*retiredFigure.*\\); it is played as stored$`)));
      await back.request('submit', { turn: 1, orders: [] }, ['ack']);
      await waitFor(() => back.state.phase === 'finished' && back.pub.outcome !== null, 'finished', 8000);
      outcome = back.pub.outcome!.id;
    } finally {
      warn.mockRestore();
    }
    // Its record and report read as they were kept, and the record replays the match exactly.
    const failed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const record = MatchRecordSchema.parse(await (await fetch(`${endpoint()}/api/matches/${code}/record.json`)).json());
      expect(record.scenario).toEqual(stored);
      expect(replay(record).at(-1)!.outcome?.id).toBe(outcome);
      const report = ReportSchema.parse(await (await fetch(`${endpoint()}/api/matches/${code}/report.json`)).json());
      expect(report.outcome.id).toBe(outcome);
      expect(failed).not.toHaveBeenCalled();
    } finally {
      failed.mockRestore();
    }
  });

  it('refuses a broken file with its problems by field, and creates nothing', async () => {
    const codes = storedCodes().length;
    const broken = drill((s) => {
      s.start.tension = { value: 140, source: 'facilitator' };
      (s.params.depreciation as { source: string }).source = 'my-notes';
    });
    const why = await refusal({ create: {}, join: { seat: 'US', name: 'Ada' }, scenario: broken });
    expect(why).toMatch(/Your scenario has 2 problems/);
    expect(why).toMatch(/start\.tension\.value: 140 is out of bounds/);
    expect(why).toMatch(/params\.depreciation\.source: no source "my-notes"/);
    expect(await refusal({ create: {}, join: { seat: 'US', name: 'Ada' }, scenario: 'not a scenario' })).toMatch(/Your scenario has/);
    expect(storedCodes().length).toBe(codes);
  });

  it('refuses a file under a built-in scenario’s id, one too large, and a creator’s seat the file leaves out', async () => {
    expect(await refusal({ create: {}, join: { seat: 'US', name: 'Ada' }, scenario: drill((s) => (s.id = 'baseline')) })).toMatch(/"baseline" is a built-in scenario's id/);
    expect(await refusal({ create: {}, join: { seat: 'US', name: 'Ada' }, scenario: drill((s) => (s.description = 'x'.repeat(50_000))) })).toMatch(/at most 48 kB/);
    expect(await refusal({ create: {}, join: { seat: 'EU', name: 'Eve' }, scenario: drill() })).toMatch(/EU is not a seat in scenario "harbour-drill"/);
  });

  it('sends a built-in match its scenario too, so every client reads the same figures', async () => {
    const p = await create({ create: { scenario: 'cooperation-track', seed: 'own-2' }, join: { seat: 'US', name: 'Ada' } });
    expect(JSON.parse(p.state.scenarioJson)).toEqual(builtinScenario('cooperation-track'));
  });
});
