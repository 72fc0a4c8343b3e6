import { z } from 'zod';
import { SEATS, type BySeat, type SeatId } from '../seats.js';
import { KeptScenarioSchema, type Scenario } from '../scenario.js';
import { OrderSchema } from '../orders.js';
import type { Order, SeatOrders, WorldState } from '../state.js';
import { createWorld } from '../world.js';
import { resolveQuarter } from '../resolve.js';
import { DOCTRINES } from '../bots.js';
import { assignDoctrines } from '../match.js';
import { botNegotiate } from '../negotiation.js';
import { applyWorldAction, WorldActionSchema, type WorldAction } from './world-actions.js';
import { MODEL_VERSION } from '../model-version.js';

const SeatEnum = z.enum(SEATS);

/**
 * Everything needed to rebuild a match exactly: the scenario, the seed, and for every quarter the
 * negotiation and Control's interventions before it resolved, the seats bots played, and every
 * seat's orders (human or bot).
 */
export const MatchRecordSchema = z
  .object({
    version: z.literal(1),
    /** The model version (shared/model-version.ts) whose rules and bots replay this record exactly. */
    model: z.number().int().min(1).optional(),
    code: z.string().optional(),
    /** Checked as a match's kept scenario: one that today's checks refuse still reads, as it was played. */
    scenario: KeptScenarioSchema,
    seed: z.string().min(1),
    /** Quarters the match was set to last (a match may be shorter than its scenario's default). */
    length: z.number().int().min(1).max(20).optional(),
    /** One doctrine for every bot, if the match fixed one; otherwise doctrines come from the seed. */
    botDoctrine: z.enum(DOCTRINES).optional(),
    /** Each seat's secret agenda, if the match had any (they count only for the seats' scores). */
    agendas: z.record(SeatEnum, z.string().regex(/^[a-z0-9-]+$/).nullable()).optional(),
    turns: z.array(
      z
        .object({
          /** World actions between the previous resolution and this one, in order. */
          actions: z.array(WorldActionSchema).optional(),
          /** Seats without human orders, whose bots negotiated before resolution (default: all). */
          bots: z.array(SeatEnum).optional(),
          orders: z.record(SeatEnum, z.array(OrderSchema)),
        })
        .strict(),
    ),
    /** World actions after the last resolution (e.g. Control ending the match). */
    closing: z.array(WorldActionSchema).optional(),
  })
  .strict();
export type MatchRecord = z.infer<typeof MatchRecordSchema>;

/** What a match room knows beyond the final state: world actions by the turn they followed, and bot seats. */
export type RecordExtras = {
  botDoctrine?: (typeof DOCTRINES)[number];
  /** Actions applied when `turn` quarters had been resolved. */
  actions?: readonly { turn: number; action: WorldAction }[];
  /** Bot seats per resolved quarter (index 0 = the first quarter). */
  bots?: readonly SeatId[][];
};

export function recordOf(scenario: Scenario, final: WorldState, code?: string, extras: RecordExtras = {}): MatchRecord {
  const actionsAt = (turn: number) => (extras.actions ?? []).filter((a) => a.turn === turn).map((a) => a.action);
  const closing = actionsAt(final.history.length);
  return {
    version: 1,
    model: MODEL_VERSION,
    ...(code ? { code } : {}),
    scenario,
    seed: final.seed,
    length: final.turns,
    ...(extras.botDoctrine ? { botDoctrine: extras.botDoctrine } : {}),
    ...(SEATS.some((s) => final.agendas[s] !== null) ? { agendas: { ...final.agendas } } : {}),
    turns: final.history.map((h, i) => {
      const actions = actionsAt(i);
      const bots = extras.bots?.[i];
      return { ...(actions.length ? { actions } : {}), ...(bots ? { bots: [...bots] } : {}), orders: h.orders };
    }),
    ...(closing.length ? { closing } : {}),
  };
}

/**
 * The position a quarter's orders met: the one before it (`states[turn - 1]` of `replay`) with Control's
 * interventions of that quarter applied and the bots' answers to open proposals given. An intervention may
 * end the match (the result then has an outcome and the quarter never resolved).
 */
export function quarterStart(record: MatchRecord, before: WorldState, turn: number, doctrines = assignDoctrines(record.seed, record.botDoctrine)): WorldState {
  const t = record.turns[turn - 1];
  let world = before;
  for (const a of t?.actions ?? []) world = applyWorldAction(world, a, doctrines);
  if (!world.outcome && world.proposals.length) world = botNegotiate(world, doctrines, t?.bots ?? SEATS);
  return world;
}

/** The quarters the recorded match was set to last (records kept before the length was stored: the scenario's). */
export function recordLength(record: MatchRecord): number {
  return record.length ?? record.scenario.turns;
}

/** The position after each quarter: states[0] is the opening, states[k] the world after quarter k. */
export function replay(record: MatchRecord): WorldState[] {
  const doctrines = assignDoctrines(record.seed, record.botDoctrine);
  const scenario = { ...record.scenario, turns: recordLength(record) };
  const states = [createWorld(scenario, record.seed, record.agendas ? { agendas: record.agendas } : {})];
  for (let turn = 1; turn <= record.turns.length; turn++) {
    const before = states[states.length - 1];
    if (before.outcome) break;
    const world = quarterStart(record, before, turn, doctrines);
    if (world.outcome) {
      states[states.length - 1] = world;
      break;
    }
    states.push(resolveQuarter(world, record.turns[turn - 1].orders as BySeat<SeatOrders>).state);
  }
  let last = states[states.length - 1];
  for (const a of record.closing ?? []) last = applyWorldAction(last, a, doctrines);
  states[states.length - 1] = last;
  return states;
}

export type WhatIfChange = { turn: number; seat: SeatId; orders: Order[] };

/**
 * Replace one seat's orders in one past quarter and replay forward with every other order unchanged;
 * random draws use the same seeded streams, so only the change and its consequences differ.
 */
export function whatIf(record: MatchRecord, change: WhatIfChange): { original: WorldState[]; altered: WorldState[] } {
  if (change.turn < 1 || change.turn > record.turns.length) throw new Error(`turn ${change.turn} is not a resolved quarter of this match`);
  const alteredRecord: MatchRecord = {
    ...record,
    turns: record.turns.map((t, i) => (i === change.turn - 1 ? { ...t, orders: { ...t.orders, [change.seat]: change.orders } } : t)),
  };
  return { original: replay(record), altered: replay(alteredRecord) };
}

export type DroppedOrder = { turn: number; quarter: string; seat: SeatId; why: string };

/** The orders the model refused in a replayed branch (over budget, say), quarter by quarter. */
export function droppedOrders(states: readonly WorldState[]): DroppedOrder[] {
  const last = states[states.length - 1];
  if (!last) return [];
  return last.history.flatMap((h) => h.events.filter((e) => e.kind === 'order-dropped' && e.audience.length > 0).map((e) => ({ turn: h.turn, quarter: h.quarter, seat: e.audience[0], why: e.text })));
}

/**
 * What a what-if's branch dropped that the match as played did not: the change's knock-on refusals
 * included. An order refused in both is the same refusal even when the budget it names differs.
 */
export function newlyDropped(original: readonly WorldState[], altered: readonly WorldState[]): DroppedOrder[] {
  // The same reason about the same order, whatever figures it quotes ("costs 6, but only 3 is left").
  const key = (d: DroppedOrder) => `${d.turn}|${d.seat}|${d.why.replace(/\d+(\.\d+)?/g, '#')}`;
  const before = new Map<string, number>();
  for (const d of droppedOrders(original)) before.set(key(d), (before.get(key(d)) ?? 0) + 1);
  return droppedOrders(altered).filter((d) => {
    const left = before.get(key(d)) ?? 0;
    if (left > 0) before.set(key(d), left - 1);
    return left === 0;
  });
}
