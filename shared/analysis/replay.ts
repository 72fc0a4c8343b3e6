import { z } from 'zod';
import { SEATS, type BySeat, type SeatId } from '../seats.js';
import { ScenarioSchema, type Scenario } from '../scenario.js';
import { OrderSchema } from '../orders.js';
import type { Order, SeatOrders, WorldState } from '../state.js';
import { createWorld } from '../world.js';
import { resolveQuarter } from '../resolve.js';

/** Everything needed to rebuild a match exactly: the scenario, the seed and every quarter's orders. */
export const MatchRecordSchema = z
  .object({
    version: z.literal(1),
    code: z.string().optional(),
    scenario: ScenarioSchema,
    seed: z.string().min(1),
    /** The orders every seat (human or bot) gave, one entry per resolved quarter. */
    turns: z.array(z.object({ orders: z.record(z.enum(SEATS), z.array(OrderSchema)) }).strict()),
  })
  .strict();
export type MatchRecord = z.infer<typeof MatchRecordSchema>;

export function recordOf(scenario: Scenario, final: WorldState, code?: string): MatchRecord {
  return {
    version: 1,
    ...(code ? { code } : {}),
    scenario,
    seed: final.seed,
    turns: final.history.map((h) => ({ orders: h.orders })),
  };
}

/** The position after each quarter: states[0] is the opening, states[k] the world after quarter k. */
export function replay(record: MatchRecord): WorldState[] {
  const states = [createWorld(record.scenario, record.seed)];
  for (const t of record.turns) {
    const prev = states[states.length - 1];
    if (prev.outcome) break;
    states.push(resolveQuarter(prev, t.orders as BySeat<SeatOrders>).state);
  }
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
    turns: record.turns.map((t, i) => (i === change.turn - 1 ? { orders: { ...t.orders, [change.seat]: change.orders } } : t)),
  };
  return { original: replay(record), altered: replay(alteredRecord) };
}
