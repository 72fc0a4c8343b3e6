import { describe, expect, it } from 'vitest';
import { builtinScenario, createWorld, SEATS, type Scenario } from '../../shared/index.js';
import { canPost, canRead, dmChannel, parseChannel } from '../../shared/chat.js';
import { adjustWorld, applyCustomEvent, endNow, injectEvent } from '../../shared/facilitation.js';
import { MatchController, type Actor } from '../../server/match-controller.js';
import type { Entry } from '../../server/match-log.js';

const scenario = builtinScenario('baseline') as Scenario;
const config = { code: 'ACDEFG', scenarioId: 'baseline', seed: 'replay', turns: 10, orderSeconds: 60, isPrivate: false, facilitated: true };
const control: Actor = { name: 'Control', role: 'facilitator', seat: null, host: true };
const player = (seat: (typeof SEATS)[number]): Actor => ({ name: seat, role: 'player', seat, host: false });

describe('the match log', () => {
  it('rebuilds exactly the same match when replayed (what a restart does)', () => {
    const live = new MatchController(config, scenario);
    const log: { entry: Entry; seq: number; at: number }[] = [];
    let now = 1_000_000;
    const act = (actor: Actor, type: string, msg: unknown) => {
      const d = live.decide(type, actor, msg, { now, humanSeats: ['US', 'CN'] });
      if (!d.ok) throw new Error(`${type}: ${d.error.message}`);
      const seq = log.length + 1;
      log.push({ entry: d.entry, seq, at: now });
      live.apply(d.entry, seq, now);
      now += 1000;
    };
    act(control, 'start', {});
    act(player('US'), 'chat', { channel: 'dm:US:CN', text: 'talk?' });
    act(player('US'), 'propose', { kind: 'incident-hotline', parties: ['CN'] });
    act(player('CN'), 'respond', { id: live.world.proposals[0].id, accept: true });
    act(player('US'), 'draft', { turn: 0, orders: [{ action: 'us-intel', intensity: 1 }] });
    act(player('US'), 'submit', { turn: 0, orders: [{ action: 'us-intel', intensity: 1 }] });
    act(control, 'control:inject', { eventId: 'strait-drills' });
    act(control, 'control:adjust', { target: { kind: 'cooperation' }, value: 35, reason: 'Back-channel talks' });
    act(control, 'control:event', { title: 'Flood', text: 'Fabs flooded.', effects: [{ key: 'domesticMultiplier', value: 0.8, quarters: 2 }] });
    act(control, 'control:pause', {});
    act(control, 'control:advance', {});
    act(control, 'control:resume', {});
    act(player('CN'), 'submit', { turn: 1, orders: [] });
    act(control, 'control:seat', { seat: 'US', to: 'bot' });
    act(control, 'control:advance', {});

    const rebuilt = new MatchController(config, scenario);
    for (const { entry, seq, at } of log) rebuilt.apply(JSON.parse(JSON.stringify(entry)) as Entry, seq, at);
    expect(live.world.turn).toBe(2);
    expect(live.world.agreements.map((a) => a.kind)).toContain('incident-hotline');
    expect(JSON.stringify(rebuilt.world)).toBe(JSON.stringify(live.world));
    expect(rebuilt.clock).toEqual(live.clock);
    expect(rebuilt.chat).toEqual(live.chat);
    expect(rebuilt.notices).toEqual(live.notices);
    expect(rebuilt.controlLog()).toEqual(live.controlLog());
    expect([...rebuilt.handedToBot]).toEqual(['US']);
  });
});

describe('resolutions in the log', () => {
  /** A two-quarter match with people in US and CN, bots elsewhere; returns its log. */
  function played() {
    const live = new MatchController(config, scenario);
    const log: { entry: Entry; seq: number; at: number }[] = [];
    const act = (actor: Actor, type: string, msg: unknown) => {
      const d = live.decide(type, actor, msg, { now: 1000 * (log.length + 1), humanSeats: ['US', 'CN'] });
      if (!d.ok) throw new Error(`${type}: ${d.error.message}`);
      log.push({ entry: d.entry, seq: log.length + 1, at: 1000 * (log.length + 1) });
      live.apply(d.entry, log.length, 1000 * log.length);
    };
    act(control, 'start', {});
    for (const turn of [0, 1]) {
      act(player('US'), 'submit', { turn, orders: [{ action: 'us-intel', intensity: 1 }] });
      act(player('CN'), 'submit', { turn, orders: [] });
      act(control, 'control:advance', {});
    }
    return { live, log };
  }
  const rebuild = (log: { entry: Entry; seq: number; at: number }[]) => {
    const c = new MatchController(config, scenario);
    for (const { entry, seq, at } of log) c.apply(JSON.parse(JSON.stringify(entry)) as Entry, seq, at);
    return c;
  };

  it("store every seat's orders as resolved, the bots' included", () => {
    const { live, log } = played();
    const resolves = log.map((l) => l.entry).filter((e): e is Extract<Entry, { kind: 'resolve' }> => e.kind === 'resolve');
    expect(resolves).toHaveLength(2);
    resolves.forEach((e, i) => expect(e.orders).toEqual(live.world.history[i].orders));
    expect(resolves[0].orders?.US).toEqual([{ action: 'us-intel', intensity: 1 }]);
  });

  it("replay the bots' orders as they were given, not as the bots of a later server would decide", () => {
    const { live, log } = played();
    const first = log.find((l) => l.entry.kind === 'resolve')!.entry as Extract<Entry, { kind: 'resolve' }>;
    // As if the EU's bot had decided otherwise when the match was played.
    const given = [{ action: 'eu-gigafactories', intensity: 1 }];
    expect(first.orders?.EU).not.toEqual(given);
    first.orders = { ...first.orders!, EU: given };
    const rebuilt = rebuild(log);
    expect(rebuilt.world.history[0].orders.EU).toEqual(given);
    expect(JSON.stringify(rebuilt.world)).not.toBe(JSON.stringify(live.world));
  });

  it("put an unsubmitted draft in as the seat's orders when Control closes the phase, and tell the seat", () => {
    const live = new MatchController(config, scenario);
    let seq = 0;
    const act = (actor: Actor, type: string, msg: unknown) => {
      const d = live.decide(type, actor, msg, { now: 1000, humanSeats: ['US', 'CN'] });
      if (!d.ok) throw new Error(`${type}: ${d.error.message}`);
      live.apply(d.entry, ++seq, 1000);
      return d.entry;
    };
    act(control, 'start', {});
    const drafted = [{ action: 'us-intel', intensity: 2 }];
    act(player('US'), 'draft', { turn: 0, orders: drafted });
    act(player('CN'), 'draft', { turn: 0, orders: [] });
    const entry = act(control, 'control:advance', {}) as Extract<Entry, { kind: 'resolve' }>;
    expect(entry.drafted).toEqual(['US']);
    expect(live.world.history[0].orders.US).toEqual(drafted);
    expect(live.botsByTurn[0]).not.toContain('US');
    expect(live.botsByTurn[0]).toContain('CN');
    const notice = live.notices.find((n) => n.notice.kind === 'drafted');
    expect(notice?.notice.text).toBe('Control closed the orders phase before United States submitted: the order drafted for the seat went in as it stood.');
    expect(notice?.audience).toEqual({ kind: 'seats', seats: ['US'] });
  });

  it('without stored orders (logs from before they were kept), recompute the bots and rebuild the same match', () => {
    const { live, log } = played();
    for (const l of log) if (l.entry.kind === 'resolve') delete l.entry.orders;
    expect(JSON.stringify(rebuild(log).world)).toBe(JSON.stringify(live.world));
  });
});

describe('chat channels', () => {
  it('name bilateral channels in seat order and let only their seats and Control in', () => {
    expect(dmChannel('CN', 'US')).toBe('dm:US:CN');
    expect(parseChannel('dm:CN:US')).toBeNull();
    expect(parseChannel('team:MARS')).toBeNull();
    expect(canRead('dm:US:CN', { role: 'player', seat: 'CN' })).toBe(true);
    expect(canRead('dm:US:CN', { role: 'player', seat: 'EU' })).toBe(false);
    expect(canRead('dm:US:CN', { role: 'facilitator', seat: null })).toBe(true);
    expect(canRead('team:US', { role: 'spectator', seat: null })).toBe(false);
    expect(canRead('public', { role: 'spectator', seat: null })).toBe(true);
    expect(canPost('public', { role: 'spectator', seat: null })).toBe(false);
    expect(canPost('public', { role: 'player', seat: null })).toBe(true);
  });
});

describe("Control's pure powers", () => {
  const world = createWorld(scenario, 'powers');

  it('adjust only whitelisted figures within range, without touching the input', () => {
    const before = JSON.stringify(world);
    const r = adjustWorld(world, { kind: 'resources', seat: 'CN' }, 12);
    expect(r.ok && r.state.resources.CN).toBe(12);
    expect(r.ok && r.seat).toBe('CN');
    expect(adjustWorld(world, { kind: 'tension' }, 101).ok).toBe(false);
    expect(adjustWorld(world, { kind: 'resources', seat: 'US' }, 2.5).ok).toBe(false);
    expect(adjustWorld(world, { kind: 'lever', seat: 'CN', lever: 'chipControls' }, 0.5).ok).toBe(false);
    expect(JSON.stringify(world)).toBe(before);
  });

  it('apply custom events at once, schedule injected cards for the next resolution, and end now', () => {
    const e = applyCustomEvent(world, 'x', [{ key: 'tension', value: 10 }, { key: 'smuggledMultiplier', value: 0.5, quarters: 2 }]);
    expect(e.ok && e.state.tension).toBe(Math.min(100, world.tension + 10));
    expect(e.ok && e.state.modifiers.at(-1)).toEqual({ id: 'x', key: 'smuggledMultiplier', value: 0.5, untilTurn: world.turn + 2 });
    const i = injectEvent(world, 'strait-drills', 'Control');
    expect(i.ok && i.state.pendingEvents.at(-1)).toEqual({ turn: world.turn + 1, eventId: 'strait-drills', injectedBy: 'Control' });
    expect(injectEvent(world, 'nope', 'Control').ok).toBe(false);
    const ended = endNow(world);
    expect(ended.outcome?.early).toBe(false);
    expect(world.outcome).toBeNull();
  });
});
