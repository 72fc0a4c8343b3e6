import type { BySeat, SeatId } from '../seats.js';
import type { LeverId, LeverValues } from '../levers.js';
import type { OutcomeInputs } from '../outcomes.js';
import type { GameEvent, Order, WorldState } from '../state.js';
import type { BlockStream, Rng } from '../rng.js';
import { EVENT_DECK } from '../events.js';

/** A covert (or private) act taken this quarter, waiting for the detection step. */
export type CovertAct = { seat: SeatId; action: string; intensity: number; /** Agreement kinds this act breaches. */ breaches: readonly string[] };

/** What agreements in force add this quarter, summed over agreements (multipliers multiplied). */
export type AgreementEffects = {
  cooperation: number;
  tension: number;
  misuse: number;
  enforcement: number;
  smuggledMultiplier: number;
  offshoreMultiplier: number;
  crisisMultiplier: number;
  labSafety: number;
  distillationDeterrence: number;
  swingDemocratic: number;
  hubResources: number;
};

/** The scratchpad of one resolution: deltas gathered by the steps, applied in a fixed order. */
export type TurnCtx = {
  turn: number;
  quarter: string;
  record: boolean;
  events: GameEvent[];
  accepted: BySeat<Order[]>;
  tensionDelta: number;
  /** Where this quarter's tension came from, by cause (`TensionCause`), kept only when the quarter is recorded. */
  tensionWhy: Partial<Record<string, number>> | null;
  cooperationDelta: number;
  covert: CovertAct[];
  agreements: AgreementEffects;
  early: OutcomeInputs['early'];
  /**
   * The world's draws (the first block of the quarter's resolution stream): the draws whose number never
   * depends on orders, taken in a fixed order — 2 for algorithmic progress, one per random event card, 1
   * for the tension shock, 3 for the incident, catastrophe and crisis rolls. `WORLD_DRAWS` of them.
   */
  rng: Rng;
  /** The quarter's resolution stream; detection reads its block after the world's (its number of draws depends on the covert acts ordered). */
  stream: BlockStream;
};

/**
 * The causes a quarter's tension change is split into (docs/MODEL.md, Relations), as the quarter report
 * names them: `acts:<seat>` for a seat's announced orders; acts not announced are counted with the
 * incidents nobody ordered, so the split reveals nothing hidden.
 */
export type TensionCause = `acts:${SeatId}` | 'pressure' | 'agreements' | 'diplomacy' | 'events' | 'detections' | 'breaches' | 'unannounced' | 'drift' | 'limit' | 'incident';

/** Add to this quarter's tension, noting its cause when the quarter is recorded. */
export function addTension(ctx: TurnCtx, points: number, cause: TensionCause): void {
  ctx.tensionDelta += points;
  if (ctx.tensionWhy) noteTension(ctx, points, cause);
}

/** Note a cause of this quarter's tension (for a part already added to `tensionDelta`). */
export function noteTension(ctx: TurnCtx, points: number, cause: TensionCause): void {
  const why = ctx.tensionWhy;
  if (why) why[cause] = (why[cause] ?? 0) + points;
}

/** How many draws the world's block holds (see `TurnCtx.rng`). */
export const WORLD_DRAWS = 2 + EVENT_DECK.filter((c) => c.trigger === 'random').length + 1 + 3;

export function emptyAgreementEffects(): AgreementEffects {
  return {
    cooperation: 0,
    tension: 0,
    misuse: 0,
    enforcement: 0,
    smuggledMultiplier: 1,
    offshoreMultiplier: 1,
    crisisMultiplier: 1,
    labSafety: 0,
    distillationDeterrence: 0,
    swingDemocratic: 0,
    hubResources: 0,
  };
}

/** Add an event to the log (only when the match is being recorded; callers that build text check `ctx.record` first). */
export function emit(ctx: TurnCtx, e: Omit<GameEvent, 'turn' | 'quarter'>): void {
  if (ctx.record) ctx.events.push({ turn: ctx.turn, quarter: ctx.quarter, ...e });
}

/** A lever named by variable: its current value, 0 when the seat does not hold it. Literal names read `s.levers.US.enforcement` directly. */
export function lv(s: WorldState, seat: SeatId, id: LeverId): number {
  return (s.levers[seat] as LeverValues)[id] ?? 0;
}

/** Set a lever named by variable. */
export function setLever(s: WorldState, seat: SeatId, id: LeverId, value: number): void {
  (s.levers[seat] as LeverValues)[id] = value;
}

/** The product of every active event modifier with this key (1 when none). */
export function modMult(s: WorldState, key: string): number {
  let m = 1;
  const mods = s.modifiers;
  for (let i = 0; i < mods.length; i++) if (mods[i].key === key) m *= mods[i].value;
  return m;
}

/** The sum of every active event modifier with this key (0 when none). */
export function modAdd(s: WorldState, key: string): number {
  let m = 0;
  const mods = s.modifiers;
  for (let i = 0; i < mods.length; i++) if (mods[i].key === key) m += mods[i].value;
  return m;
}
