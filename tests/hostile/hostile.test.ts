import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client } from 'colyseus.js';
import { matchMaker } from '@colyseus/core';
import { startServer, type RunningServer } from '../../server/app.js';
import { dmChannel, teamChannel } from '../../shared/chat.js';
import { ACTION_BY_ID, type Order, type SeatId, type ServerError } from '../../shared/index.js';
import { Player, sleep, waitFor, type StateJson } from '../integration/harness.js';
import { ShadowMatch } from '../load/shadow.js';
import { garbage, hasBigInt, hostileMessage, leaks, Rng, stateInvariantErrors, type HostileRole } from './kit.js';

/**
 * Hostile clients against a real server: thousands of seeded random and malformed messages (HOSTILE_SEED,
 * HOSTILE_MESSAGES, HOSTILE_SECONDS bound them), forged seats, replayed and late orders, facilitator powers
 * from players, bad joins. Afterwards the server is up, every match's public state obeys its invariants and
 * is exactly what it was, nothing hostile was stored, and no hostile client received anything private.
 */
const SEED = process.env.HOSTILE_SEED ?? 'lead-time-hostile-1';
const MESSAGES = Number(process.env.HOSTILE_MESSAGES ?? 4000);
const SECONDS = Number(process.env.HOSTILE_SECONDS ?? 45);
const JOINS = Number(process.env.HOSTILE_JOINS ?? 1000);
/** Between two messages of one client: under the room's 10-a-second budget, so every message reaches validation. */
const PACE_MS = 110;

let server: RunningServer;
let endpoint: string;
let dataDir: string;
let db: Database.Database;
const everyone: Player[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'leadtime-hostile-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, limits: { createsPerMinute: 0 } });
  endpoint = `http://127.0.0.1:${server.port}`;
  db = new Database(path.join(dataDir, 'matches.sqlite'), { readonly: true, fileMustExist: true });
  console.log(`hostile suite: seed "${SEED}" (set HOSTILE_SEED to replay), ${MESSAGES} messages, ${JOINS} joins`);
});

afterAll(async () => {
  await Promise.all(everyone.map((p) => p.leave().catch(() => undefined)));
  db?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function create(options: object): Promise<Player> {
  const p = await Player.create(endpoint, options);
  everyone.push(p);
  await waitFor(() => p.you() !== undefined, 'you');
  return p;
}

async function join(code: string, options: object): Promise<Player> {
  const p = await Player.join(endpoint, code, options);
  everyone.push(p);
  await waitFor(() => p.you() !== undefined, 'you');
  return p;
}

/** The public facts that no refused message may change. */
function publicFacts(p: Player) {
  const s = p.state;
  return { phase: s.phase, turn: s.turn, publicJson: s.publicJson, publicEvents: s.publicEvents, publicSeries: s.publicSeries, deadline: s.deadline, paused: s.paused, remaining: s.remaining, controlPresent: s.controlPresent, seats: s.seats };
}

function logRows(code: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM log WHERE code = ?').get(code) as { n: number }).n;
}

async function healthy(): Promise<void> {
  const r = await fetch(`${endpoint}/healthz`);
  expect(r.status).toBe(200);
}

type HostileClient = { p: Player; me: HostileRole; match: string; ownOrders: Order[]; sent: { type: string | number; kind: string; bigint: boolean }[] };

type Arena = {
  matches: { code: string; shadow: ShadowMatch; observers: Player[] }[];
  hostiles: HostileClient[];
  legit: Player[];
  /** Private strings that hostile clients must never see. */
  secrets: string[];
  usOrders: Order[];
  us: Player;
  cn: Player;
  control: Player;
  controlKey: string;
};

let arena: Arena;

/** Three matches, each with legitimate people and hostile clients in every role. */
async function buildArena(): Promise<Arena> {
  const hostiles: HostileClient[] = [];
  const matches: Arena['matches'] = [];
  const addHostile = async (code: string, me: HostileRole, shadow: ShadowMatch, submit: boolean) => {
    const p = await join(code, { join: me.role === 'spectator' ? { role: 'spectator', name: 'lurker' } : { ...(me.seat ? { seat: me.seat } : {}), name: 'mallory' } });
    const ownOrders = me.seat ? shadow.orders(me.seat) : [];
    // Seated hostile clients submit their real orders first: whatever they send afterwards must be refused.
    if (submit && me.seat) expect((await p.request('submit', { turn: 0, orders: ownOrders }, ['ack', 'error'])).type).toBe('ack');
    hostiles.push({ p, me, match: code, ownOrders, sent: [] });
  };

  // A: a running match; US and CN are people, the six other seats are hostile players.
  const shadowA = new ShadowMatch('baseline', 'hostile-a');
  const us = await create({ create: { seed: 'hostile-a' }, join: { seat: 'US', name: 'Alice' } });
  const cn = await join(us.code, { join: { seat: 'CN', name: 'Bo' } });
  const watcherA = await join(us.code, { join: { role: 'spectator', name: 'projector' } });
  const hostileSeatsA: SeatId[] = ['EU', 'JK', 'TW', 'HUB', 'USLAB', 'CNLAB'];
  for (const seat of hostileSeatsA) await addHostile(us.code, { role: 'player', seat }, shadowA, false);
  us.send('start', {});
  await waitFor(() => everyone.every((p) => p.code !== us.code || p.state.phase === 'orders'), 'A started');
  for (const h of hostiles) expect((await h.p.request('submit', { turn: 0, orders: h.ownOrders }, ['ack', 'error'])).type).toBe('ack');
  for (let i = 0; i < 3; i++) await addHostile(us.code, { role: 'player', seat: null }, shadowA, false);
  for (let i = 0; i < 2; i++) await addHostile(us.code, { role: 'spectator', seat: null }, shadowA, false);
  const usOrders = shadowA.orders('US');
  expect((await us.request('submit', { turn: 0, orders: usOrders }, ['ack', 'error'])).type).toBe('ack');
  const dmSecret = `dm-secret-${SEED}-${Date.now()}`;
  const teamSecret = `team-secret-${SEED}-${Date.now()}`;
  await us.say(dmChannel('US', 'CN'), dmSecret);
  await us.say(teamChannel('US'), teamSecret);
  await cn.request('draft', { turn: 0, orders: [{ action: 'cn-intel', intensity: 1 }] }, ['draft', 'error']);
  matches.push({ code: us.code, shadow: shadowA, observers: [us, cn, watcherA] });

  // B: a lobby; hostile players hold two seats and wait.
  const shadowB = new ShadowMatch('baseline', 'hostile-b');
  const hostB = await create({ create: { seed: 'hostile-b' }, join: { seat: 'US', name: 'Host' } });
  const watcherB = await join(hostB.code, { join: { role: 'spectator', name: 'projector' } });
  for (const seat of ['CN', 'EU'] as SeatId[]) await addHostile(hostB.code, { role: 'player', seat }, shadowB, false);
  await addHostile(hostB.code, { role: 'player', seat: null }, shadowB, false);
  await addHostile(hostB.code, { role: 'spectator', seat: null }, shadowB, false);
  matches.push({ code: hostB.code, shadow: shadowB, observers: [hostB, watcherB] });

  // C: a facilitated exercise; Control runs it, two hostile players hold seats.
  const shadowC = new ShadowMatch('baseline', 'hostile-c');
  const control = await create({ create: { seed: 'hostile-c', facilitated: true }, join: { name: 'Control' } });
  const controlKey = control.you()?.facilitatorKey ?? '';
  expect(controlKey.length).toBeGreaterThan(10);
  const usC = await join(control.code, { join: { seat: 'US', name: 'Ann' } });
  const cnC = await join(control.code, { join: { seat: 'CN', name: 'Bei' } });
  for (const seat of ['EU', 'TW'] as SeatId[]) await addHostile(control.code, { role: 'player', seat }, shadowC, false);
  control.send('start', {});
  await waitFor(() => everyone.every((p) => p.code !== control.code || p.state.phase === 'orders'), 'C started');
  for (const h of hostiles.filter((x) => x.match === control.code && x.me.seat)) expect((await h.p.request('submit', { turn: 0, orders: h.ownOrders }, ['ack', 'error'])).type).toBe('ack');
  await addHostile(control.code, { role: 'spectator', seat: null }, shadowC, false);
  await addHostile(control.code, { role: 'player', seat: null }, shadowC, false);
  matches.push({ code: control.code, shadow: shadowC, observers: [control, usC, cnC] });

  // Every client has the public state as it now is (submitted flags arrive with the next patch).
  await sleep(200);
  for (const m of matches) for (const p of m.observers) await waitFor(() => JSON.stringify(publicFacts(p)) === JSON.stringify(publicFacts(m.observers[0])), 'observers agree');
  // US's action ids are private until the end: a marker only if the projector has not seen them.
  const secrets = [dmSecret, teamSecret, controlKey, ...usOrders.map((o) => o.action).filter((a) => a.startsWith('us-') && !watcherA.wireText().includes(a))];
  return { matches, hostiles, legit: [us, cn, watcherA, hostB, watcherB, control, usC, cnC], secrets, usOrders, us, cn, control, controlKey };
}

/** Refused joins and cut-off clients are logged by Colyseus on both sides; keep the output readable, and keep what was said. */
function quiet(): { lines: () => string[] } {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  for (const level of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation(keep);
  return { lines: () => lines };
}

describe('hostile clients', () => {
  beforeAll(async () => {
    arena = await buildArena();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it(`${MESSAGES} seeded hostile messages: every one refused with an error, nothing changed, nothing stored, nothing leaked`, async () => {
    const { matches, hostiles, secrets } = arena;
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    // The markers are real: their owners did receive them.
    expect(arena.us.wireText()).toContain(secrets[0]);
    const before = new Map(matches.map((m) => [m.code, { facts: m.observers.map(publicFacts), rows: logRows(m.code) }]));
    const rooms = (await matchMaker.query({})).length;

    const log = quiet();
    const rng = new Rng(SEED);
    const deadline = Date.now() + SECONDS * 1000;
    let sent = 0;
    while (sent < MESSAGES && Date.now() < deadline) {
      for (const h of hostiles) {
        if (sent >= MESSAGES) break;
        const turn = h.p.state.turn;
        const msg = hostileMessage(rng, { me: h.me, turn, ownOrders: h.ownOrders, seats: matches[0].shadow.seats });
        h.sent.push({ type: msg.type, kind: msg.kind, bigint: hasBigInt(msg.payload) });
        h.p.send(msg.type as string, msg.payload);
        sent++;
      }
      await sleep(PACE_MS);
    }
    expect(sent).toBeGreaterThanOrEqual(Math.min(MESSAGES, 1000));

    // Every message is answered, in order, by an error naming its type; none by an acknowledgement.
    // (Colyseus cuts long non-ASCII type names short on the wire and reads '' as no type: those are matched by position only.)
    const exact = (t: string | number) => typeof t === 'number' || /^[\x20-\x7e]{1,64}$/.test(t);
    const problems: string[] = [];
    let wide = 0;
    await Promise.all(hostiles.map((h) => waitFor(() => h.p.errors().length >= h.sent.length || !h.p.room.connection.isOpen, 'errors', 15_000).catch(() => undefined)));
    for (const h of hostiles) {
      const who = `${h.me.role} ${h.me.seat ?? '-'} in ${h.match}`;
      const errors = h.p.errors();
      if (!h.p.room.connection.isOpen) problems.push(`${who}: disconnected after ${errors.length} of ${h.sent.length} messages (last sent: ${JSON.stringify(h.sent[errors.length])})`);
      if (errors.length !== h.sent.length) problems.push(`${who}: ${errors.length} errors for ${h.sent.length} messages`);
      for (const [i, s] of h.sent.entries()) {
        const e = errors[i];
        if (e && (typeof e.ref !== 'string' || (exact(s.type) && e.ref !== String(s.type)))) problems.push(`${who}: message ${i} (${s.kind} "${String(s.type)}") answered for "${e.ref}"`);
        if (e && (e.code === 'rate-limited' || e.code === 'internal')) problems.push(`${who}: message ${i} (${s.kind}) → ${e.code}: ${e.message}`);
        if (s.bigint) wide++;
      }
      const acks = h.p.of('ack').length + h.p.of('control-ack').length;
      if (acks !== (h.me.seat && h.match !== matches[1].code ? 1 : 0)) problems.push(`${who}: ${acks} acknowledgements`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    // The server logged no failure at all.
    expect(log.lines().filter((l) => /failed|Error/.test(l))).toEqual([]);
    vi.restoreAllMocks();
    console.log(`${wide} messages carried a 64-bit integer (refused as bad-request by the message guard)`);
    const kinds = new Map<string, number>();
    for (const h of hostiles) for (const s of h.sent) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    console.log(`hostile messages by kind: ${JSON.stringify(Object.fromEntries(kinds))}`);
    const codes = new Map<string, number>();
    for (const h of hostiles) for (const e of h.p.errors()) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
    console.log(`refusals by code: ${JSON.stringify(Object.fromEntries(codes))}`);
    for (const code of ['bad-request', 'unknown-message', 'forged-seat', 'not-facilitator', 'already-submitted', 'too-large', 'channel-forbidden', 'not-host']) expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);

    await sleep(200);
    await healthy();
    expect((await matchMaker.query({})).length).toBe(rooms);
    for (const m of matches) {
      const was = before.get(m.code);
      expect(m.observers.map(publicFacts), `public state of ${m.code}`).toEqual(was?.facts);
      expect(logRows(m.code), `stored entries of ${m.code}`).toBe(was?.rows);
    }
    for (const p of everyone) expect(stateInvariantErrors(p.states), `invariants seen by a client of ${p.code}`).toEqual([]);
    for (const h of hostiles) expect(leaks(h.p, h.me, secrets), `${h.me.role} ${h.me.seat ?? ''} in ${h.match}`).toEqual([]);
    // The check itself sees leaks: US's own client, judged as if it held CN, is full of them.
    expect(leaks(arena.us, { role: 'player', seat: 'CN' }, secrets).length).toBeGreaterThanOrEqual(3);
    expect(leaks(matches[0].observers[2], { role: 'spectator', seat: null }, secrets)).toEqual([]);
  });

  it('after the burst, the match plays on; replayed and late orders are refused; still nothing leaks', async () => {
    const { matches, hostiles, secrets, cn } = arena;
    const a = matches[0];
    const inA = hostiles.filter((h) => h.match === a.code);
    await cn.request('submit', { turn: 0, orders: a.shadow.orders('CN') }, ['ack']);
    await waitFor(() => everyone.filter((p) => p.code === a.code && p.room.connection.isOpen).every((p) => p.state.turn === 1), 'A resolved to turn 1');
    for (const h of inA.filter((x) => x.me.seat)) await waitFor(() => h.p.latestSeatView()?.turn === 1, `${h.me.seat} view for turn 1`);

    // Replays of turn 0, now late; and forged claims on turn 1.
    for (const h of inA.filter((x) => x.me.seat)) {
      const replay = await h.p.request<ServerError>('submit', { turn: 0, orders: h.ownOrders }, ['ack', 'error']);
      expect(replay.data.code).toBe('wrong-turn');
      const forged = await h.p.request<ServerError>('submit', { turn: 1, orders: [], seat: 'US' }, ['ack', 'error']);
      expect(forged.data.code).toBe('forged-seat');
    }
    // A finished match: a one-quarter match played to its end, then orders arrive late.
    const solo = await create({ create: { seed: 'hostile-d', turns: 1 }, join: { seat: 'US', name: 'Solo' } });
    const lateEU = await join(solo.code, { join: { seat: 'EU', name: 'mallory' } });
    solo.send('start', {});
    await waitFor(() => solo.state.phase === 'orders', 'D started');
    await solo.request('submit', { turn: 0, orders: [] }, ['ack']);
    await lateEU.request('submit', { turn: 0, orders: [] }, ['ack']);
    await waitFor(() => lateEU.state.phase === 'finished', 'D finished');
    for (const [type, payload] of [
      ['submit', { turn: 0, orders: [] }],
      ['submit', { turn: 1, orders: [] }],
      ['draft', { turn: 1, orders: [] }],
      ['chat', { channel: 'team:EU', text: 'too late' }],
      ['control:end', {}],
      ['start', {}],
    ] as const) {
      const r = await lateEU.request<ServerError>(type, payload, ['ack', 'error', 'chat']);
      expect(r.type, type).toBe('error');
    }

    await healthy();
    for (const p of everyone) expect(stateInvariantErrors(p.states), `invariants seen by a client of ${p.code}`).toEqual([]);
    // After the resolution each hostile seat saw its own view only. US's public orders are now announced to
    // everyone; its private and covert ones, the chats and the facilitator key are still private.
    const stillPrivate = secrets.filter((x) => ACTION_BY_ID.get(x)?.visibility !== 'public');
    expect(stillPrivate.length).toBeGreaterThanOrEqual(3);
    for (const h of hostiles) expect(leaks(h.p, h.me, stillPrivate), `${h.me.role} ${h.me.seat ?? ''}`).toEqual([]);
    expect(lateEU.of<{ seat: string }>('seat-view').every((v) => v.seat === 'EU')).toBe(true);
  });

  it(`${JOINS} joins and creates with bad options are refused and leave nothing behind`, async () => {
    const { matches, control, controlKey } = arena;
    const rng = new Rng(`${SEED}:joins`);
    const rooms = (await matchMaker.query({})).length;
    const before = new Map(matches.map((m) => [m.code, m.observers.map(publicFacts)]));
    const badJoin = (): unknown => {
      const j = (extra: object) => ({ join: { name: 'x', ...extra } });
      switch (rng.int(16)) {
        case 0:
          return j({ seat: rng.pick(['XX', 'us', 'U S', '', 'ALL', 'US ', 'dm:US:CN']) });
        case 1:
          return j({ name: 'n'.repeat(41 + rng.int(5000)) });
        case 2:
          return j({ name: '   ' });
        case 3:
          return j({ role: rng.pick(['admin', 'god', 'Control', 'player ', '', 'bot']) });
        case 4:
          return j({ role: 'spectator', seat: rng.pick(['US', 'CN', 'EU']) });
        case 5:
          return j({ role: 'facilitator' });
        case 6:
          return j({ role: 'facilitator', key: rng.chance(0.5) ? `${controlKey}x` : rng.string(128) || 'k' });
        case 7:
          return j({ key: 'k'.repeat(129) });
        case 8:
          return { join: { name: 'x' }, extra: garbage(rng, 1) ?? null };
        case 9:
          return { join: rng.pick(['US', 42, [], true]) };
        case 10:
          return { create: { scenario: 'baseline' }, join: { name: 'x' } };
        case 11:
          return { __settings: { reconnectSeconds: 0, store: null }, join: { name: 'x' } };
        case 12:
          return { __resume: rng.string(32) || 't', join: { name: 'x' } };
        case 13:
          return Object.defineProperty({ join: { name: 'x' } }, '__proto__', { value: { join: { seat: 'US' } }, enumerable: true });
        case 14:
          return j({ seat: 'US', role: 'player', name: 'x', unknown: garbage(rng, 1) ?? null });
        default:
          return { [`x${rng.string(8)}`]: garbage(rng, 2) ?? null };
      }
    };
    const badCreate = (): unknown => {
      const c = (extra: object) => ({ create: { seed: 's', ...extra }, join: { name: 'x' } });
      switch (rng.int(12)) {
        case 0:
          return c({ scenario: rng.pick(['nope', 'BASELINE', '../etc/passwd', 'a'.repeat(65), '']) });
        case 1:
          return c({ turns: rng.pick([0, 21, -1, 1.5, 1e9, '10']) });
        case 2:
          return c({ seed: rng.pick(['', 's'.repeat(65)]) });
        case 3:
          return c({ orderSeconds: rng.pick([-1, 3601, 0.5, 'fast']) });
        case 4:
          return c({ botDoctrine: rng.pick(['evil', '', 42]) });
        case 5:
          return c({ isPrivate: 'yes' });
        case 6:
          return { create: { facilitated: true }, join: { seat: 'US' } };
        case 7:
          return { create: { facilitated: true }, join: { role: 'spectator' } };
        case 8:
          return { create: {}, join: { role: 'facilitator' } };
        case 9:
          return { create: {}, join: { seat: 'XX' } };
        case 10:
          return { create: {}, join: { name: 'x' }, [rng.pick(['__resume', 'extra', 'roomId'])]: rng.string(20) || 'x' };
        default:
          return { create: {}, [`x${rng.string(8)}`]: garbage(rng, 2) ?? null };
      }
    };
    const log = quiet();
    let refused = 0;
    const attempts: { what: string; opts: unknown }[] = [];
    for (let i = 0; i < JOINS; i++) {
      const k = rng.int(10);
      const target = rng.pick(matches).code;
      const c = new Client(endpoint);
      let attempt: Promise<unknown>;
      let what: string;
      let opts: unknown;
      if (k < 5) {
        opts = badJoin();
        what = `joinById(${target})`;
        attempt = c.joinById(target, opts as object);
      } else if (k < 8) {
        opts = badCreate();
        what = 'create';
        attempt = c.create('match', opts as object);
      } else if (k === 8) {
        opts = { join: { name: 'x' } };
        what = rng.pick(['joinById(unknown)', 'join(other room type)', 'joinOrCreate(other)', 'reconnect(bogus)']);
        attempt =
          what === 'joinById(unknown)'
            ? c.joinById(rng.pick(['ZZZZZZ', 'A', '../x', rng.string(30) || 'q']), opts as object)
            : what === 'reconnect(bogus)'
              ? c.reconnect(`${target}:${rng.string(20) || 'x'}`)
              : c.joinOrCreate(rng.pick(['lobby', 'admin', 'match2', '__proto__']), opts as object);
      } else {
        opts = { join: { role: 'facilitator', key: rng.chance(0.5) ? undefined : `${controlKey.slice(0, -1)}${controlKey.endsWith('A') ? 'B' : 'A'}` } };
        what = `facilitator join of ${control.code}`;
        attempt = c.joinById(control.code, opts as object);
      }
      const outcome = await attempt.then(
        (room) => room,
        () => null,
      );
      if (outcome === null) refused++;
      else {
        attempts.push({ what, opts });
        await (outcome as { leave: () => Promise<unknown> }).leave();
      }
    }
    expect(attempts, 'bad joins that were let in').toEqual([]);
    expect(refused).toBe(JOINS);
    // Refusals only: no handler of ours failed on the way.
    expect(log.lines().filter((l) => /failed|TypeError|ReferenceError/.test(l))).toEqual([]);
    await sleep(200);
    await healthy();
    expect((await matchMaker.query({})).length).toBe(rooms);
    for (const m of matches) expect(m.observers.map(publicFacts), `state of ${m.code}`).toEqual(before.get(m.code));
  });

  it('clients that break the protocol are cut off alone; everyone else plays on', async () => {
    const { matches } = arena;
    const b = matches[1];
    const host = b.observers[0];
    const raw = await join(b.code, { join: { name: 'bytes' } });
    const noHandler = await join(b.code, { join: { name: 'internal' } });

    const deep = await join(b.code, { join: { name: 'deep' } });
    const giant = await join(b.code, { join: { name: 'giant' } });
    const flood = await join(b.code, { join: { name: 'flood' } });
    const rng = new Rng(`${SEED}:bytes`);
    quiet();

    // Random bytes behind every protocol code until the server closes the socket.
    for (let i = 0; i < 500 && raw.room.connection.isOpen; i++) {
      const bytes = new Uint8Array(1 + rng.int(64));
      bytes[0] = rng.pick([13, 17, 10, 13, 13, 17, 99, 0, 255]);
      for (let j = 1; j < bytes.length; j++) bytes[j] = rng.int(256);
      raw.room.connection.send(bytes);
      await sleep(2);
    }
    // Colyseus's internal "no handler" entry, reachable by name: it disconnects the sender (only).
    noHandler.send('__no_message_handler', {});

    // 20,000 nested arrays: too deep to be worth decoding.
    deep.room.connection.send(new Uint8Array([13, 0xa6, ...Buffer.from('submit'), ...new Array(20_000).fill(0x91), 0xc0]));
    // A frame over the 128 kB limit.
    giant.send('submit', { pad: 'z'.repeat(200_000) });
    // A flood: 2,000 messages at once, far past the per-client budget.
    for (let i = 0; i < 2000; i++) flood.send('submit', { turn: 0, orders: [] });

    await waitFor(() => !raw.room.connection.isOpen, 'byte fuzzer cut off', 10_000);
    await waitFor(() => !noHandler.room.connection.isOpen, 'no-handler sender cut off', 10_000);

    await waitFor(() => !giant.room.connection.isOpen, 'giant frame cut off', 10_000);
    await waitFor(() => !flood.room.connection.isOpen, 'flooder cut off', 10_000);
    await waitFor(() => deep.errors().length > 0 || !deep.room.connection.isOpen, 'deep payload answered or cut off', 10_000);
    // The flooder got errors for what it sent before the cut, never an ack (it holds no seat).
    expect(flood.errors().every((e) => e.code === 'not-seated' || e.code === 'rate-limited')).toBe(true);

    await healthy();
    // Everyone else is still connected and the lobby starts and plays.
    for (const p of b.observers) expect(p.room.connection.isOpen).toBe(true);
    const before = publicFacts(host);
    expect(before.phase).toBe('lobby');
    host.send('start', {});
    await waitFor(() => host.state.phase === 'orders', 'B started');
    expect((await host.request('submit', { turn: 0, orders: b.shadow.orders('US') }, ['ack', 'error'])).type).toBe('ack');
    for (const p of everyone) expect(stateInvariantErrors(p.states), `invariants seen by a client of ${p.code}`).toEqual([]);
  });
});

export type { StateJson };
