import { SEATS, type BySeat } from './seats.js';
import { quarterLabel } from './clock.js';
import { LEVERS, type LeverValues } from './levers.js';
import { clamp } from './formulas.js';
import { K } from './coefficients.js';
import { cloneWorld } from './clone.js';
import { BlockStream, drawsFrom, STREAM } from './rng.js';
import type { Agreement, GameEvent, Order, SeatOrders, WorldState } from './state.js';
import { emptyAgreementEffects, WORLD_DRAWS, type TurnCtx } from './steps/context.js';
import { gatherAgreementEffects, stepAgreements } from './steps/agreements-step.js';
import { acceptOrders, stepPolicies } from './steps/orders-step.js';
import { stepCompute } from './steps/compute-step.js';
import { stepTraining } from './steps/training-step.js';
import { stepAdoption } from './steps/adoption-step.js';
import { settleRelations, stepRelations } from './steps/relations-step.js';
import { stepEvents } from './steps/events-step.js';
import { stepDetection } from './steps/detection-step.js';
import { classifyWorld, outcomeInputs, stepEndings, swingDemocratic, catastropheOdds, crisisOdds, governanceHolds, jointSafetyHolds, straitDeterrence } from './steps/endings-step.js';

export { swingDemocratic, classifyWorld, outcomeInputs, catastropheOdds, crisisOdds, governanceHolds, jointSafetyHolds, straitDeterrence };
// The model's intermediate quantities, for explanations ("why this number?") and tests.
export { detectionOdds, detectorOf, decoyOf, INTEL_INPUTS } from './steps/detection-step.js';
export { breachedKinds } from './steps/orders-step.js';
export { adoptionPush, regionalPush } from './steps/adoption-step.js';
export { restrictiveness, tensionAnchor } from './steps/relations-step.js';
export { enforcementLevel, smugglingBlocked, offshoreBlocked } from './steps/compute-step.js';

export type ResolveOptions = {
  /** Keep per-turn history and the event log (off for fast forecasting: no events, no history). */
  record?: boolean;
  /**
   * Resolve into `prev` itself instead of a copy (for callers that own the position and never look at
   * it again: forecasts, headless matches). Saves a deep copy of the world every quarter.
   */
  inPlace?: boolean;
};

export type Resolution = {
  state: WorldState;
  events: GameEvent[];
  /**
   * The agreements in force during the quarter, after its signings: those that ended with it (their term,
   * or an exposed breach) are gone from `state`. It may share its array and agreements with `state`: read
   * it before that position is resolved again.
   */
  inForce: readonly Agreement[];
};

/** Each seat's campaign levers, which last one quarter. */
const CAMPAIGNS = SEATS.map((seat) => ({ seat, ids: LEVERS.filter((l) => l.seat === seat && l.kind === 'campaign').map((l) => l.id) }));

/**
 * Resolve one quarter. The steps run in a fixed order (see docs/MODEL.md): 0 new quarter, 1 agreements,
 * 2 policies, 3 compute flows, 4 training and distillation, 5 adoption, 6 risk/tension/cooperation,
 * 7 events, 8 detection, then tension and cooperation are settled, 9 incident and early-ending rolls
 * and the outcome, 10 resources and the record. Orders that fail validation are dropped with a private
 * notice to their seat; nothing else about them changes the world.
 *
 * `botMade` names the seats whose orders their bots made from this very position (see `playQuarter`):
 * bots order only what validation accepts unchanged, so these are not validated again. Never pass it for
 * orders from outside.
 */
export function resolveQuarter(prev: WorldState, orders: Partial<BySeat<SeatOrders>>, opts: ResolveOptions = {}, botMade?: Partial<BySeat<boolean>>): Resolution {
  if (prev.outcome) throw new Error('the match is over');
  const record = opts.record !== false;
  const s = opts.inPlace ? prev : cloneWorld(prev);
  const turn = prev.turn + 1;
  s.turn = turn;
  const stream = new BlockStream(prev.seed, turn, STREAM.resolution);
  const ctx: TurnCtx = {
    turn,
    quarter: record ? quarterLabel(s.startQuarter + turn - 1) : '',
    record,
    events: [],
    accepted: {} as BySeat<Order[]>,
    tensionDelta: 0,
    tensionWhy: record ? {} : null,
    cooperationDelta: 0,
    covert: [],
    agreements: emptyAgreementEffects(),
    early: null,
    rng: drawsFrom(stream.take(0, WORLD_DRAWS), 'world'),
    stream,
  };

  // 0. New quarter: campaigns last one quarter only; expired modifiers go.
  for (const { seat, ids } of CAMPAIGNS) {
    const levers = s.levers[seat] as LeverValues;
    for (let i = 0; i < ids.length; i++) levers[ids[i]] = 0;
  }
  if (s.modifiers.some((m) => m.untilTurn < turn)) s.modifiers = s.modifiers.filter((m) => m.untilTurn >= turn);

  acceptOrders(prev, orders, ctx, botMade);
  stepAgreements(s, ctx); // 1
  const inForce = s.agreements;
  gatherAgreementEffects(s, ctx);
  stepPolicies(s, ctx); // 2
  stepCompute(s, ctx); // 3
  stepTraining(s, ctx); // 4
  stepAdoption(s, ctx); // 5
  stepRelations(s, ctx); // 6
  stepEvents(s, ctx); // 7
  stepDetection(s, ctx); // 8
  settleRelations(s, ctx);
  stepEndings(s, ctx); // 9

  // 10. Agreements whose term ended with this quarter go (what seats, bots and views read for the next
  // quarter is what binds in it), unless the match ended with it: its end is read, scored and shown as
  // it stood in its last quarter. Resources for next quarter (never negative, capped at two quarters'
  // income); the record.
  if (!s.outcome && s.agreements.some((a) => a.expiresTurn <= turn)) s.agreements = s.agreements.filter((a) => a.expiresTurn > turn);
  s.resources.HUB += ctx.agreements.hubResources;
  const { resources, income } = s;
  for (const seat of SEATS) {
    const gain = income[seat];
    resources[seat] = clamp(resources[seat] + gain, 0, K.resourceCapQuarters * gain);
  }
  if (record) {
    s.history = [
      ...s.history,
      {
        turn,
        quarter: ctx.quarter,
        orders: ctx.accepted,
        leadMonths: s.leadMonths,
        compute: structuredClone(s.compute),
        capability: { USLAB: s.labs.USLAB.capability, CNLAB: s.labs.CNLAB.capability },
        adoption: structuredClone(s.adoption),
        risk: { racing: s.risk.racing, misuse: s.risk.misuse },
        tension: s.tension,
        tensionWhy: ctx.tensionWhy ?? {},
        cooperation: s.cooperation,
        events: ctx.events,
      },
    ];
  }
  return { state: s, events: ctx.events, inForce };
}
