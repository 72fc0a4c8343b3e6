import { z } from 'zod';
import { SEATS, SEAT_INFO, type SeatId } from './seats.js';
import { REGIONS, REGION_NAME, type RegionId, type WorldState } from './state.js';
import { LEVERS, type LeverId } from './levers.js';
import { EVENT_BY_ID, EVENT_EFFECT_KEYS, isModifierKey, isMultiplierKey, type EventEffectKey } from './events.js';
import { cloneWorld } from './clone.js';
import { classifyWorld } from './steps/endings-step.js';
import { lv, setLever } from './steps/context.js';
import { applyEventEffect } from './steps/events-step.js';

/**
 * The facilitator's ("Control's") powers over the world, as pure functions, and the payloads of the
 * `control:*` messages. Every function returns a new state (or an error and no change); the server
 * stores each use in the match's log and replays it after a restart.
 */

const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------------------------------
// Payloads of the control messages (all validated with safeParse; unknown keys are refused).

export const PauseSchema = z.object({}).strict();
export const ResumeSchema = z.object({}).strict();
export const AdvanceSchema = z.object({}).strict();

/** Move the orders deadline by `seconds` (positive extends, negative cuts). */
export const TimerSchema = z
  .object({ seconds: z.number().int().min(-3600).max(3600).refine((s) => s !== 0, 'must not be 0') })
  .strict();

/** Schedule a card of the event deck to fire at the coming resolution. */
export const InjectEventSchema = z.object({ eventId: z.string().regex(/^[a-z0-9-]+$/).max(64) }).strict();

/** Effects a custom event may carry: those with an immediate meaning, and the quarter-long multipliers. */
const IMMEDIATE_KEYS = ['tension', 'cooperation', 'misuse', 'cnEfficiency', 'usEfficiency', 'domesticYield', 'hbmStockpile', 'labSafety', 'adoptionPrc', 'adoptionDemocratic'] as const;
/** The subset of `EVENT_EFFECT_KEYS` a custom event may use (read from the model at load). */
export const CUSTOM_EFFECT_KEYS: readonly EventEffectKey[] = EVENT_EFFECT_KEYS.filter((k) => (IMMEDIATE_KEYS as readonly string[]).includes(k) || isModifierKey(k));

/** Bounds on a custom effect's value, by key. */
export function effectBounds(key: string): [number, number] {
  if (key === 'tension' || key === 'cooperation') return [-50, 50];
  if (isMultiplierKey(key)) return [0, 5];
  if (key === 'cnEfficiency' || key === 'usEfficiency') return [-2, 2];
  return [-1, 1];
}

export const CustomEffectSchema = z
  .object({
    key: z.string().refine((k) => (CUSTOM_EFFECT_KEYS as readonly string[]).includes(k), `not an effect a custom event may use (${CUSTOM_EFFECT_KEYS.join(', ')})`),
    value: z.number().finite(),
    /** Multipliers last this many quarters (default 1); other effects apply once, now. */
    quarters: z.number().int().min(1).max(8).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const [lo, hi] = effectBounds(e.key);
    if (e.value < lo || e.value > hi) ctx.addIssue({ code: 'custom', path: ['value'], message: `${e.key} takes a value from ${lo} to ${hi}` });
  });
export type CustomEffect = { key: EventEffectKey; value: number; quarters?: number };

/** A custom event written by Control: applied at once and announced to everyone. */
export const CustomEventSchema = z
  .object({
    title: z.string().trim().min(1).max(80),
    text: z.string().trim().min(1).max(500),
    effects: z.array(CustomEffectSchema).max(5),
  })
  .strict();
export type CustomEvent = { title: string; text: string; effects: CustomEffect[] };

/** The figures Control may set by hand. */
export const AdjustTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tension') }).strict(),
  z.object({ kind: z.literal('cooperation') }).strict(),
  z.object({ kind: z.literal('misuse') }).strict(),
  z.object({ kind: z.literal('resources'), seat: z.enum(SEATS) }).strict(),
  z.object({ kind: z.literal('adoption'), region: z.enum(REGIONS) }).strict(),
  z.object({ kind: z.literal('lever'), seat: z.enum(SEATS), lever: z.string().max(64) }).strict(),
]);
export type AdjustTarget = z.infer<typeof AdjustTargetSchema>;

/** Set one figure to `value`, with a written reason (shown to everyone and kept in the log). */
export const AdjustSchema = z
  .object({
    target: AdjustTargetSchema,
    value: z.number().finite(),
    reason: z.string().trim().min(3).max(300),
  })
  .strict();
export type Adjust = z.infer<typeof AdjustSchema>;

/** Hand a seat to its bot (it orders for the seat even with people on it) or back to its people. */
export const SeatControlSchema = z.object({ seat: z.enum(SEATS), to: z.enum(['bot', 'human']) }).strict();

/** End the match now and classify the outcome from the current figures. */
export const EndSchema = z.object({ reason: z.string().trim().max(300).optional() }).strict();

// ---------------------------------------------------------------------------------------------------
// Pure functions.

export type Changed = { ok: true; state: WorldState } | { ok: false; error: string };

/** Schedule a deck card for the coming resolution, marked as injected by `by`. */
export function injectEvent(state: WorldState, eventId: string, by: string): Changed {
  if (state.outcome) return { ok: false, error: 'The match is over.' };
  if (!EVENT_BY_ID.has(eventId)) return { ok: false, error: `No event "${eventId}" in the deck.` };
  const turn = state.turn + 1;
  if (state.pendingEvents.some((e) => e.turn === turn && e.eventId === eventId)) return { ok: false, error: `"${eventId}" already fires at the coming resolution.` };
  return { ok: true, state: { ...state, pendingEvents: [...state.pendingEvents, { turn, eventId, injectedBy: by }] } };
}

/**
 * Apply a custom event now. One-off effects change the world at once (with the meaning the model's
 * event cards give them); multipliers become modifiers for the coming `quarters` resolutions.
 */
export function applyCustomEvent(state: WorldState, id: string, effects: readonly CustomEffect[]): Changed {
  if (state.outcome) return { ok: false, error: 'The match is over.' };
  for (const e of effects) {
    if (!(CUSTOM_EFFECT_KEYS as readonly string[]).includes(e.key)) return { ok: false, error: `A custom event cannot use "${e.key}".` };
  }
  const s = cloneWorld(state);
  const sink = {
    tension: (v: number) => (s.tension = clamp(s.tension + v, 0, 100)),
    cooperation: (v: number) => (s.cooperation = clamp(s.cooperation + v, 0, 100)),
  };
  for (const e of effects) applyEventEffect(s, e, sink, id, s.turn);
  return { ok: true, state: s };
}

/** What an adjustment changed, for the notice and the log. */
export type Adjusted =
  | { ok: true; state: WorldState; label: string; before: number; after: number; seat: SeatId | null }
  | { ok: false; error: string };

/** True when a figure is a share (0–1), which people read as a percentage. */
export function isShareTarget(target: AdjustTarget): boolean {
  return adjustRange(target)[1] === 1;
}

/** The range each adjustable figure takes. */
export function adjustRange(target: AdjustTarget): [number, number] {
  switch (target.kind) {
    case 'tension':
    case 'cooperation':
      return [0, 100];
    case 'resources':
      return [0, 99];
    default:
      return [0, 1];
  }
}

/** Set one whitelisted figure. Refuses values out of range and levers the seat does not hold. */
export function adjustWorld(state: WorldState, target: AdjustTarget, value: number): Adjusted {
  if (state.outcome) return { ok: false, error: 'The match is over.' };
  const [lo, hi] = adjustRange(target);
  if (!Number.isFinite(value) || value < lo || value > hi) return { ok: false, error: `The value must be from ${lo} to ${hi}.` };
  if (target.kind === 'resources' && !Number.isInteger(value)) return { ok: false, error: 'Resources are whole numbers.' };
  const s = cloneWorld(state);
  switch (target.kind) {
    case 'tension':
      s.tension = value;
      return { ok: true, state: s, label: 'Tension', before: state.tension, after: value, seat: null };
    case 'cooperation':
      s.cooperation = value;
      return { ok: true, state: s, label: 'Cooperation', before: state.cooperation, after: value, seat: null };
    case 'misuse':
      s.risk.misuse = value;
      return { ok: true, state: s, label: 'Misuse risk', before: state.risk.misuse, after: value, seat: null };
    case 'resources':
      s.resources[target.seat] = value;
      return { ok: true, state: s, label: `${SEAT_INFO[target.seat].short} resources`, before: state.resources[target.seat], after: value, seat: target.seat };
    case 'adoption':
      s.adoption[target.region as RegionId] = { democratic: value, prc: 1 - value };
      return { ok: true, state: s, label: `Democratic share: ${REGION_NAME[target.region as RegionId] ?? target.region}`, before: state.adoption[target.region].democratic, after: value, seat: null };
    case 'lever': {
      const def = LEVERS.find((l) => l.id === target.lever);
      if (!def) return { ok: false, error: `No lever "${target.lever}".` };
      if (def.seat !== target.seat) return { ok: false, error: `"${def.label}" is ${SEAT_INFO[def.seat].short}’s lever, not ${SEAT_INFO[target.seat].short}’s.` };
      const id = target.lever as LeverId;
      setLever(s, target.seat, id, value);
      return { ok: true, state: s, label: `${SEAT_INFO[target.seat].short}: ${def.label}`, before: lv(state, target.seat, id), after: value, seat: target.seat };
    }
  }
}

/**
 * End the match now: classify the outcome from the current figures (no early ending, no rolls), as the
 * model does at the last turn.
 */
export function endNow(state: WorldState, reason = ''): WorldState {
  if (state.outcome) return state;
  const s = cloneWorld(state);
  const o = classifyWorld(state);
  const why = reason.trim() ? ` (“${reason.trim()}”)` : '';
  s.outcome = { ...o, reason: `Control ended the match after ${state.turn} of ${state.turns} quarters${why}. ${o.reason}`, endedByControl: true };
  return s;
}
