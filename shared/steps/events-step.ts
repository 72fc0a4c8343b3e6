import { EVENT_BY_ID, EVENT_DECK, type EventCard } from '../events.js';
import { clamp } from '../formulas.js';
import { K } from '../coefficients.js';
import { SWING_REGIONS, type WorldState } from '../state.js';
import { addTension, emit, lv, type TurnCtx } from './context.js';
import { LEVER_BY_ID, type LeverId } from '../levers.js';

/**
 * Step 7. Events: cards scheduled by the scenario or injected by the facilitator for this quarter fire
 * first (a deck card fired so counts as drawn), then each random card not yet drawn is drawn with its own
 * chance from the seeded stream.
 * One-off effects apply now; multipliers become modifiers for the quarters the card names.
 */
export function stepEvents(s: WorldState, ctx: TurnCtx): void {
  const turn = ctx.turn;
  let fired: { card: EventCard; injectedBy?: string }[] | null = null;
  if (s.pendingEvents.length) {
    const keep: WorldState['pendingEvents'] = [];
    for (const e of s.pendingEvents) {
      if (e.turn !== turn) {
        keep.push(e);
        continue;
      }
      const card = EVENT_BY_ID.get(e.eventId);
      if (!card) continue;
      (fired ??= []).push(e.injectedBy ? { card, injectedBy: e.injectedBy } : { card });
      // A deck card that fires on schedule or by Control's hand has been drawn: the deck cannot deal it again.
      if (card.trigger === 'random' && !s.drawnEvents.includes(card.id)) s.drawnEvents.push(card.id);
    }
    s.pendingEvents = keep;
  }
  const rng = ctx.rng;
  for (let i = 0; i < EVENT_DECK.length; i++) {
    const card = EVENT_DECK[i];
    if (card.trigger !== 'random') continue;
    const roll = rng();
    if (roll < (card.probability ?? 0) && !s.drawnEvents.includes(card.id) && standsFor(s, card)) {
      (fired ??= []).push({ card });
      s.drawnEvents.push(card.id);
    }
  }
  if (!fired) return;
  for (const { card, injectedBy } of fired) {
    applyCard(s, ctx, card);
    if (ctx.record) emit(ctx, {
      kind: 'event-card',
      text: `${card.title}: ${card.text}${injectedBy ? ' (injected by Control)' : ''}`,
      visibility: 'public',
      audience: [],
      eventId: card.id,
    });
  }
}

/** Whether the policy a card needs stands (`requires`); a card without one always may be dealt. */
function standsFor(s: WorldState, card: EventCard): boolean {
  const r = card.requires;
  if (!r) return true;
  const x = lv(s, LEVER_BY_ID[r.lever].seat, r.lever);
  return (r.below === undefined || x < r.below) && (r.atLeast === undefined || x >= r.atLeast);
}

function applyCard(s: WorldState, ctx: TurnCtx, card: EventCard): void {
  const sink: EffectSink = { tension: (v) => addTension(ctx, v, 'events'), cooperation: (v) => (ctx.cooperationDelta += v) };
  for (const e of card.effects) applyEventEffect(s, e, sink, card.id, ctx.turn);
}

/** Where tension and cooperation changes go: the resolver sums them for the relations step; Control applies them at once. */
export type EffectSink = { tension: (v: number) => void; cooperation: (v: number) => void };

/**
 * One event effect, with the meaning every card (deck or custom) gives it. One-off effects change the
 * world now; multipliers become modifiers for the next `quarters` resolutions after quarter `turn`.
 */
export function applyEventEffect(s: WorldState, e: { key: string; value: number; quarters?: number }, sink: EffectSink, id: string, turn: number): void {
  switch (e.key) {
    case 'tension':
      sink.tension(e.value);
      break;
    case 'cooperation':
      sink.cooperation(e.value);
      break;
    case 'misuse':
      s.risk.misuse = clamp(s.risk.misuse + e.value);
      break;
    case 'cnEfficiency':
      s.labs.CNLAB.efficiencyLog2 += e.value;
      break;
    case 'usEfficiency':
      s.labs.USLAB.efficiencyLog2 += e.value;
      break;
    case 'domesticYield':
      s.supply.domesticYield = clamp(s.supply.domesticYield + e.value, K.yieldFloor, K.yieldCeiling);
      break;
    case 'hbmStockpile':
      s.supply.hbmStockpile = clamp(s.supply.hbmStockpile + e.value, 0, 1.5);
      break;
    case 'labSafety':
      s.labs.USLAB.safety = clamp(s.labs.USLAB.safety + e.value);
      s.labs.CNLAB.safety = clamp(s.labs.CNLAB.safety + e.value);
      break;
    case 'adoptionPrc':
    case 'adoptionDemocratic': {
      const sign = e.key === 'adoptionPrc' ? -1 : 1;
      for (const r of SWING_REGIONS) {
        const d = clamp(s.adoption[r].democratic + sign * e.value * K.eventAdoptionScale);
        s.adoption[r].democratic = d;
        s.adoption[r].prc = 1 - d;
      }
      break;
    }
    default:
      s.modifiers.push({ id, key: e.key, value: e.value, untilTurn: turn + (e.quarters ?? 1) });
  }
}
