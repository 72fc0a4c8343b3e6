import seedrandom from 'seedrandom';
import { canRead, type ChannelId } from '../../shared/chat.js';
import { MSG, PHASES, assemblePublicView, REGIONS, SEATS, type PublicView, type SeatId, type SeatView } from '../../shared/index.js';
import type { Player, StateJson } from '../integration/harness.js';

/**
 * Hostile inputs, drawn from a seeded generator so a failure replays exactly (HOSTILE_SEED), and the
 * checks run after them: invariants of the public state, nothing private received.
 */
export class Rng {
  private readonly next: () => number;
  constructor(readonly seed: string) {
    this.next = seedrandom(seed);
  }
  float(): number {
    return this.next();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  /** Up to `max` characters (whole code points: an emoji is never split). */
  string(max: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-:_ <>"\'\\/{}[]é漢🙂\u0000\u202e'): string {
    const chars = Array.from(alphabet);
    const n = this.int(max + 1);
    let s = '';
    for (let i = 0; i < n; i++) s += chars[this.int(chars.length)];
    return s;
  }
}

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const KNOWN_TYPES = new Set<string>([...Object.values(MSG), 'claim']);
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', '__settings', '__resume', 'seat', 'turn', 'orders', 'role', 'key', ''];

/** Any value the wire can carry, nested up to `depth`. */
export function garbage(rng: Rng, depth = 3): unknown {
  const k = rng.int(depth > 0 ? 14 : 10);
  switch (k) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.int(2 ** 31) * (rng.chance(0.5) ? -1 : 1);
    case 3:
      return rng.pick([0, -0, 0.5, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    case 4:
      return rng.string(40);
    case 5:
      return rng.pick(SEATS);
    case 6:
      return rng.pick(['public', 'team:US', 'dm:US:CN', 'dm:CN:US', 'player', 'facilitator', 'spectator', 'baseline']);
    case 7:
      return undefined;
    case 8:
      return rng.string(3000);
    case 9:
      return rng.chance(0.5) ? BigInt(rng.int(1000)) * 10n ** 15n : `lone ${rng.pick(['\ud800', '\udfff', '\udc00x\ud83d'])} surrogate`;
    case 10:
    case 11:
      return Array.from({ length: rng.int(6) }, () => garbage(rng, depth - 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(6); i > 0; i--) Object.defineProperty(o, rng.chance(0.3) ? rng.pick(ODD_KEYS) : rng.string(12), { value: garbage(rng, depth - 1), enumerable: true, configurable: true, writable: true });
      return o;
    }
  }
}

export type HostileRole = { role: 'player'; seat: SeatId } | { role: 'player'; seat: null } | { role: 'spectator'; seat: null };

/** What a hostile client knows when it picks a message. */
export type HostileCtx = {
  me: HostileRole;
  turn: number;
  /** A well-formed order list for the client's own seat (if seated), to replay or mutate. */
  ownOrders: unknown[];
  /** Every seat in play, to forge. */
  seats: readonly SeatId[];
};

export type Hostile = { kind: string; type: string | number; payload: unknown };

/** True when a payload holds a BigInt anywhere (the wire carries it as a 64-bit integer). */
export function hasBigInt(x: unknown, depth = 0): boolean {
  if (typeof x === 'bigint') return true;
  if (depth > 20 || x === null || typeof x !== 'object') return false;
  return Object.values(x).some((v) => hasBigInt(v, depth + 1));
}

/** A well-formed orders payload with one thing wrong. */
function mutatedOrders(rng: Rng, ctx: HostileCtx): unknown {
  const base = { turn: ctx.turn, orders: ctx.ownOrders.length ? ctx.ownOrders : [{ action: 'us-intel', intensity: 1 }] };
  switch (rng.int(10)) {
    case 0:
      return { ...base, turn: -1 };
    case 1:
      return { ...base, turn: ctx.turn + 1 + rng.int(5) };
    case 2:
      return { ...base, turn: String(ctx.turn) };
    case 3:
      return { ...base, turn: ctx.turn + 0.5 };
    case 4:
      return { ...base, orders: [{ action: 'us-intel', intensity: rng.pick([0, 4, -1, 1.5, 99]) }] };
    case 5:
      return { ...base, orders: Array.from({ length: 9 + rng.int(50) }, () => ({ action: 'x', intensity: 1 })) };
    case 6:
      return { ...base, orders: [{ action: rng.string(80) || 'a'.repeat(65), intensity: 1 }] };
    case 7:
      return { ...base, extra: garbage(rng, 1) };
    case 8:
      return { ...base, orders: 'all of them' };
    default:
      return garbage(rng);
  }
}

/**
 * One hostile message that the server must refuse whatever the client's role. (Generators never produce
 * something a client may legitimately do: the seated clients have already submitted this quarter, chat goes to
 * channels the sender may not post in or breaks the schema, proposals name no real agreement, answers no real proposal.)
 */
export function hostileMessage(rng: Rng, ctx: HostileCtx): Hostile {
  const others = ctx.seats.filter((s) => s !== ctx.me.seat);
  const forged = () => rng.pick(others);
  switch (rng.int(13)) {
    case 0: {
      let type: string | number;
      // Type names: any ASCII up to 64 characters, or a few characters of anything. (Longer non-ASCII names and
      // '' hit quirks of Colyseus's own type encoding that disconnect the sender itself: see the protocol-breaker test.)
      do type = rng.chance(0.15) ? rng.int(300) : rng.chance(0.1) ? rng.string(64, ASCII) || 'x' : rng.chance(0.05) ? rng.string(6) || 'y' : rng.pick(['pause', 'inject', 'adjust', 'advance', 'end', 'resume', 'kick', 'reveal', 'seat-view', 'admin', 'eval', 'debug', 'CONTROL:PAUSE', 'control:', 'control:nuke', 'Submit', 'submit ', 'constructor', 'toString', '__proto__', 'hasOwnProperty']);
      while (typeof type === 'string' && KNOWN_TYPES.has(type));
      return { kind: 'unknown-type', type, payload: garbage(rng) };
    }
    case 1:
      return { kind: 'malformed-submit', type: MSG.submit, payload: mutatedOrders(rng, ctx) };
    case 2:
      return { kind: 'forged-seat', type: rng.pick([MSG.submit, MSG.draft]), payload: { turn: ctx.turn, orders: [], seat: forged() } };
    case 3:
      return { kind: 'forged-respond', type: MSG.respond, payload: { id: `p-${rng.string(8)}`, accept: true, seat: forged() } };
    case 4:
      // Replayed or late: this quarter's orders again (already submitted), or an earlier quarter's.
      return { kind: 'replay', type: MSG.submit, payload: { turn: rng.chance(0.5) ? ctx.turn : Math.max(0, ctx.turn - 1 - rng.int(3)), orders: ctx.ownOrders } };
    case 5: {
      const type = rng.pick([MSG.pause, MSG.resume, MSG.timer, MSG.advance, MSG.inject, MSG.event, MSG.adjust, MSG.seat, MSG.end]);
      const payloads: Record<string, unknown> = {
        [MSG.pause]: {},
        [MSG.resume]: {},
        [MSG.timer]: { seconds: rng.int(600) - 300 },
        [MSG.advance]: {},
        [MSG.inject]: { eventId: rng.pick(['taiwan-blockade', 'chip-smuggling-bust', 'misuse-incident']) },
        [MSG.event]: { title: 'Coup', text: 'Control is ours', effects: [{ key: 'tension', value: 100 }] },
        [MSG.adjust]: { target: { kind: 'global', key: 'tension' }, value: 100, reason: 'because' },
        [MSG.seat]: { seat: forged(), to: 'bot' },
        [MSG.end]: { reason: 'game over' },
      };
      return { kind: 'facilitator-only', type, payload: rng.chance(0.8) ? payloads[type] : garbage(rng) };
    }
    case 6:
      return { kind: 'draft', type: MSG.draft, payload: rng.chance(0.5) ? { turn: ctx.turn, orders: ctx.ownOrders } : mutatedOrders(rng, ctx) };
    case 7: {
      // Chat that must be refused: a channel the sender may not post in, or a broken message.
      const me = { role: ctx.me.role, seat: ctx.me.seat };
      const forbidden = (['team:US', 'team:CN', 'dm:US:CN', 'dm:EU:TW', 'dm:CN:CNLAB', 'team:USLAB'] as ChannelId[]).filter((c) => !canRead(c, me));
      const variants: unknown[] = [
        { channel: 'public', text: 'x'.repeat(501 + rng.int(2000)) },
        { channel: 'public', text: ' \n\t ' },
        { channel: rng.pick(['dm:CN:US', 'general', 'team:XX', 'dm:US:US', 'team:', '']), text: 'hello' },
        { channel: 'public', text: 'hi', extra: true },
        { channel: 'public', text: 42 },
        garbage(rng),
      ];
      if (ctx.me.role === 'spectator') variants.push({ channel: 'public', text: 'spectators never post' });
      if (forbidden.length) variants.push({ channel: rng.pick(forbidden), text: `eavesdrop ${rng.string(10)}` });
      return { kind: 'chat', type: MSG.chat, payload: rng.pick(variants) };
    }
    case 8:
      return { kind: 'propose', type: MSG.propose, payload: rng.chance(0.6) ? { kind: `no-such-${rng.int(1e6)}`, parties: [forged()] } : garbage(rng) };
    case 9:
      return { kind: 'respond', type: MSG.respond, payload: rng.chance(0.6) ? { id: `nope-${rng.int(1e6)}`, accept: rng.chance(0.5) } : garbage(rng) };
    case 10:
      return { kind: 'start', type: MSG.start, payload: rng.chance(0.5) ? {} : garbage(rng) };
    case 11:
      // Claims only from seated clients (refused: already seated). An unseated player may claim a seat: that is a team, not an attack.
      return ctx.me.seat ? { kind: 'claim', type: 'claim', payload: rng.chance(0.5) ? { seat: forged() } : garbage(rng) } : { kind: 'unknown-type', type: 'claim-all', payload: {} };
    default:
      // Large: over the 64 kB message guard but under the 128 kB frame limit (answered too-large), or just under the guard.
      return { kind: 'huge', type: rng.pick([MSG.submit, MSG.chat, 'x']), payload: { turn: ctx.turn, orders: [], pad: 'y'.repeat(rng.chance(0.5) ? 66_000 + rng.int(30_000) : 60_000) } };
  }
}

// ---------------------------------------------------------------------------------------------------

const PHASE_ORDER = new Map(PHASES.map((p, i) => [p, i]));

/** Broken invariants in one client's sequence of decoded states (empty when all hold). */
export function stateInvariantErrors(states: readonly string[]): string[] {
  const errs: string[] = [];
  let lastTurn = -1;
  let lastPhase = -1;
  const inUnit = (x: unknown) => typeof x === 'number' && x >= 0 && x <= 1;
  for (const [i, text] of states.entries()) {
    const s = JSON.parse(text) as StateJson;
    const at = `state ${i}`;
    if (s.turn < lastTurn) errs.push(`${at}: turn went back from ${lastTurn} to ${s.turn}`);
    lastTurn = Math.max(lastTurn, s.turn);
    const phase = PHASE_ORDER.get(s.phase) ?? -1;
    if (phase < 0) errs.push(`${at}: unknown phase ${s.phase}`);
    if (phase < lastPhase) errs.push(`${at}: phase went back to ${s.phase}`);
    lastPhase = Math.max(lastPhase, phase);
    if (s.turns > 0 && s.turn > s.turns) errs.push(`${at}: turn ${s.turn} beyond ${s.turns}`);
    for (const [seat, slot] of Object.entries(s.seats ?? {})) {
      if (!(SEATS as readonly string[]).includes(seat) || slot.seat !== seat) errs.push(`${at}: odd seat entry ${seat}`);
      if (slot.occupied !== slot.members > 0) errs.push(`${at}: ${seat} occupied=${slot.occupied} with ${slot.members} members`);
      if (slot.members < 0) errs.push(`${at}: ${seat} has ${slot.members} members`);
    }
    if (!s.publicJson) continue;
    let v: PublicView;
    try {
      v = assemblePublicView(s) as PublicView;
    } catch {
      errs.push(`${at}: the public view does not parse`);
      continue;
    }
    if (v.turn !== s.turn) errs.push(`${at}: publicJson turn ${v.turn} ≠ state turn ${s.turn}`);
    for (const r of REGIONS) {
      const a = v.adoption?.[r];
      if (!a || !inUnit(a.democratic) || !inUnit(a.prc) || Math.abs(a.democratic + a.prc - 1) > 1e-9) errs.push(`${at}: adoption in ${r} is ${JSON.stringify(a)}`);
    }
    if (!inUnit(v.swingDemocratic)) errs.push(`${at}: swingDemocratic ${v.swingDemocratic}`);
    if (!inUnit(v.misuseRisk)) errs.push(`${at}: misuseRisk ${v.misuseRisk}`);
    for (const k of ['tension', 'cooperation'] as const) if (!(v[k] >= 0 && v[k] <= 100)) errs.push(`${at}: ${k} ${v[k]}`);
    for (const e of [v.lead, ...Object.values(v.compute ?? {})]) {
      if (!(e.low <= e.value && e.value <= e.high)) errs.push(`${at}: estimate out of its band ${JSON.stringify(e)}`);
    }
    if (s.phase !== 'finished' && (v.reveal !== null || v.scores !== null)) errs.push(`${at}: orders or scores revealed before the end`);
  }
  return errs;
}

/**
 * Everything private a client received that was not its own: seat views and drafts of other seats, chat it
 * may not read, a facilitator key, or any of `secrets` anywhere on its wire (frames, messages, states).
 */
export function leaks(p: Player, own: { role: string; seat: SeatId | null }, secrets: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of p.messages) {
    const d = m.data as Record<string, unknown> | undefined;
    if (m.type === 'seat-view' && (own.role !== 'player' || (d as SeatView | undefined)?.seat !== own.seat)) out.push(`seat-view of ${String(d?.seat)}`);
    if (m.type === 'draft' && (own.role !== 'player' || d?.seat !== own.seat)) out.push(`draft of ${String(d?.seat)}`);
    if (m.type === 'chat' && !canRead(d?.channel as ChannelId, own as never)) out.push(`chat in ${String(d?.channel)}`);
    if (m.type === 'chat-history') for (const c of (d?.messages as { channel: ChannelId }[]) ?? []) if (!canRead(c.channel, own as never)) out.push(`chat history in ${c.channel}`);
    if (m.type === 'you' && d && 'facilitatorKey' in d && own.role !== 'facilitator') out.push('a facilitator key');
  }
  const wire = [p.wireText(), JSON.stringify(p.messages, (_k, v) => (typeof v === 'bigint' ? String(v) : v)), ...p.states].join('\n');
  for (const s of secrets) if (s && wire.includes(s)) out.push(`secret "${s.slice(0, 24)}" on the wire`);
  return out;
}
