import { clamp } from '../formulas.js';
import { K } from '../coefficients.js';
import { classifyOutcome, type OutcomeInputs, type OutcomeResult } from '../outcomes.js';
import { swingShareOf, type WorldState } from '../state.js';
import { emit, noteTension, type TurnCtx } from './context.js';

/** Mean democratic share across the swing markets, 0..1. */
export function swingDemocratic(s: WorldState): number {
  return swingShareOf(s.adoption);
}

/** This quarter's odds of a misuse catastrophe: zero below the threshold, rising linearly above it. */
export function catastropheOdds(s: WorldState): number {
  return clamp((s.risk.misuse - s.params.misuseCatastropheThreshold) * s.params.catastropheSlope);
}

/** How much Taiwan's posture, hardening and the alliance deter a crisis, 0..1. */
export function straitDeterrence(s: WorldState): number {
  return clamp(K.deterPosture * s.levers.TW.straitPosture + K.deterAlliance * s.levers.JK.alliance + K.deterHardening * s.levers.TW.hardening);
}

/** This quarter's odds of a Strait crisis: zero below the threshold, certain at tension 100. */
export function crisisOdds(s: WorldState, agreementMultiplier = 1): number {
  if (s.tension >= 100) return 1;
  return clamp(((s.tension - s.params.straitCrisisThreshold) / s.params.crisisRamp) * (1 - K.deterrenceCut * straitDeterrence(s)) * agreementMultiplier);
}

/** True when a joint governance framework has been in force long enough to count, with no breach exposed. */
export function governanceHolds(s: WorldState): boolean {
  return s.agreements.some((a) => a.kind === 'joint-governance' && a.exposedBreaches.length === 0 && s.turn - a.signedTurn >= K.governanceMinQuarters);
}

/** True when joint safety work has taken hold: enough quarters of joint lab research, or a joint-evaluations agreement in force. */
export function jointSafetyHolds(s: WorldState): boolean {
  return s.totals.jointQuarters >= K.stewardshipJointQuarters || s.agreements.some((a) => a.kind === 'joint-safety-evals' && a.exposedBreaches.length === 0);
}

/** The figures the outcome classifier reads from a position (with an early ending, if one was rolled). */
export function outcomeInputs(s: WorldState, early: OutcomeInputs['early'] = null): OutcomeInputs {
  return {
    turn: s.turn,
    leadMonths: s.leadMonths,
    swingDemocratic: swingDemocratic(s),
    cooperation: s.cooperation,
    jointGovernanceInForce: governanceHolds(s),
    jointSafetyWork: jointSafetyHolds(s),
    early,
  };
}

/** The outcome the rules would give if the match ended now, without rolls (for Control's "end now" and previews). */
export function classifyWorld(s: WorldState): OutcomeResult {
  return classifyOutcome(outcomeInputs(s));
}

/**
 * Step 9. Rolls, shown to everyone with their odds: a misuse incident (odds = incident rate × misuse risk),
 * then the early endings — a misuse catastrophe, then a Strait crisis. At the last turn, or on an early
 * ending, the outcome is classified.
 */
export function stepEndings(s: WorldState, ctx: TurnCtx): void {
  const rng = ctx.rng;
  const incidentOdds = clamp(s.params.incidentRate * s.risk.misuse);
  const incidentRoll = rng();
  const incident = incidentRoll < incidentOdds;
  if (incident) {
    s.risk.incidents += 1;
    const before = s.tension;
    s.tension = clamp(s.tension + K.incidentTension, 0, 100);
    noteTension(ctx, s.tension - before, 'incident');
    s.risk.misuse = clamp(s.risk.misuse + K.incidentMisuse);
  }
  if (ctx.record) {
    emit(ctx, {
      kind: 'incident-roll',
      text: incident ? 'A misuse incident occurred.' : 'No misuse incident this quarter.',
      visibility: 'public',
      audience: [],
      odds: incidentOdds,
      roll: incidentRoll,
    });
  }
  const cOdds = catastropheOdds(s);
  const cRoll = rng();
  if (cOdds > 0) {
    if (ctx.record) emit(ctx, { kind: 'catastrophe-roll', text: 'Roll for a misuse catastrophe.', visibility: 'public', audience: [], odds: cOdds, roll: cRoll });
    if (cRoll < cOdds) {
      ctx.early = { id: 'misuse-catastrophe', odds: cOdds, roll: cRoll, figure: { name: 'Misuse risk', value: s.risk.misuse, threshold: s.params.misuseCatastropheThreshold, comparison: '>' } };
    }
  }
  const sOdds = crisisOdds(s, ctx.agreements.crisisMultiplier);
  const sRoll = rng();
  if (!ctx.early && sOdds > 0) {
    if (ctx.record) emit(ctx, { kind: 'crisis-roll', text: 'Roll for a Strait crisis.', visibility: 'public', audience: [], odds: sOdds, roll: sRoll });
    if (sRoll < sOdds) {
      ctx.early = { id: 'strait-crisis', odds: sOdds, roll: sRoll, figure: { name: 'Tension', value: s.tension, threshold: s.params.straitCrisisThreshold, comparison: '>' } };
    }
  }
  if (ctx.early || ctx.turn >= s.turns) {
    s.outcome = classifyOutcome(outcomeInputs(s, ctx.early));
    if (ctx.record) ctx.events.push({ turn: ctx.turn, quarter: ctx.quarter, kind: 'outcome', text: s.outcome.reason, visibility: 'public', audience: [] });
  }
}
