import { clamp } from '../formulas.js';
import { K } from '../coefficients.js';
import type { WorldState } from '../state.js';
import { noteTension, type TensionCause, type TurnCtx } from './context.js';

/** How hard the democracies' controls bite on average, 0..1 (it sets the level tension settles at). */
export function restrictiveness(s: WorldState): number {
  return (
    (s.levers.US.chipControls + s.levers.US.smeControls + s.levers.US.remoteAccessRules + s.levers.EU.lithoAlignment + s.levers.JK.hbmAlignment) / 5
  );
}

/** The level tension settles at when nobody acts: higher the more restrictive the controls and the stronger the military postures. */
export function tensionAnchor(s: WorldState): number {
  return K.tensionBase + K.tensionRestrict * restrictiveness(s) + K.postureTension * (s.levers.TW.straitPosture + s.levers.JK.alliance);
}

/**
 * Settle tension and cooperation after every step has added its part. Tension: relief (a net fall) is
 * scaled down below a floor level, then it reverts part of the way toward its anchor. Cooperation:
 * gains shrink as it nears 100 (deep trust is hard to build), then it decays toward its floor.
 */
export function settleRelations(s: WorldState, ctx: TurnCtx): void {
  // Incidents no one ordered (a collision at sea, a hot-headed statement) jolt tension either way.
  const shock = (ctx.rng() * 2 - 1) * K.tensionShock;
  const t = ctx.tensionDelta + shock;
  const relief = t < 0 ? Math.min(1, s.tension / K.tensionReliefScale) : 1;
  const before = s.tension;
  s.tension = clamp(s.tension + t * relief - K.tensionReversion * (s.tension - tensionAnchor(s)), 0, 100);
  if (ctx.tensionWhy) splitTension(ctx.tensionWhy, shock, relief, before, s.tension, -K.tensionReversion * (before - tensionAnchor(s)));
  const c = ctx.cooperationDelta;
  s.cooperation = clamp(s.cooperation + (c > 0 ? c * (1 - s.cooperation / 100) : c) - K.coopReversion * (s.cooperation - K.coopFloor), 0, 100);
}

/**
 * Step 6. Risk, tension and cooperation.
 *  - Racing: a small lead (either way) means racing pressure, which lowers each lab's safety practice.
 *  - Misuse risk drifts toward a level set by open weights near the frontier, weak safety and racing.
 *  - Tension settles toward a level set by how restrictive the controls are; coercion, retaliation and
 *    exposed covert acts push it up, diplomacy and agreements pull it down.
 *  - Cooperation needs both sides: bilateral diplomacy and joint safety work count far more than
 *    one-sided gestures; it decays toward a floor and suffers when tension is high.
 */
export function stepRelations(s: WorldState, ctx: TurnCtx): void {
  const lead = s.leadMonths;
  const racing = clamp(1 - Math.abs(lead) / K.racingScale);
  s.risk.racing = racing;
  const usLab = s.labs.USLAB;
  const cnLab = s.labs.CNLAB;
  const usTarget =
    K.safetyBaseUS + K.safetyEvalsEffect * s.levers.USLAB.usSafetyEvals + K.safetyJointEffect * s.levers.USLAB.usJointSafety + K.safetyRegulationEffect * s.levers.EU.aiRegulation - K.racingSafetyCost * racing + ctx.agreements.labSafety;
  const cnTarget = K.safetyBaseCN + K.safetyEvalsEffect * s.levers.CNLAB.cnSafetyEvals + K.safetyJointEffect * s.levers.CNLAB.cnJointSafety - K.racingSafetyCost * racing + ctx.agreements.labSafety;
  usLab.safety = clamp(usLab.safety + K.safetyAdjust * (usTarget - usLab.safety));
  cnLab.safety = clamp(cnLab.safety + K.safetyAdjust * (cnTarget - cnLab.safety));

  // PRC open weights count toward misuse the closer they are to the frontier (the best Chinese models have trailed it by about 7 months on average since 2023, per Epoch).
  const closeness = clamp(1 - lead / K.misuseOpenScale);
  const openFrontier = Math.max(s.levers.USLAB.usOpenWeights, s.levers.CNLAB.cnOpenWeights * closeness);
  const misuseTarget = K.misuseBase + K.misuseOpen * openFrontier + K.misuseUnsafe * (1 - (usLab.safety + cnLab.safety) / 2) + K.misuseRacing * racing;
  s.risk.misuse = clamp(s.risk.misuse + K.misuseAdjust * (misuseTarget - s.risk.misuse) + ctx.agreements.misuse);

  const pressure = K.straitTension * s.levers.CN.straitPressure + K.mineralTension * s.levers.CN.mineralRetaliation;
  ctx.tensionDelta += pressure + ctx.agreements.tension;
  noteTension(ctx, pressure, 'pressure');
  noteTension(ctx, ctx.agreements.tension, 'agreements');

  const usD = s.levers.US.usDiplomacy;
  const cnD = s.levers.CN.cnDiplomacy;
  const usJ = s.levers.USLAB.usJointSafety;
  const cnJ = s.levers.CNLAB.cnJointSafety;
  if (usJ > 0 && cnJ > 0) s.totals.jointQuarters += 1;
  ctx.cooperationDelta +=
    K.coopBilateral * Math.min(usD, cnD) +
    K.coopUnilateral * (usD + cnD) +
    K.coopJointSafety * Math.min(usJ, cnJ) +
    (K.coopUnilateral * (usJ + cnJ)) / 2 +
    K.coopEu * s.levers.EU.euCooperation +
    K.coopTaiwan * s.levers.TW.twDiplomacy +
    ctx.agreements.cooperation -
    K.coopTensionDrag * Math.max(0, s.tension - K.coopTensionThreshold);
  ctx.tensionDelta -= K.diplomacyTension * Math.min(usD, cnD);
  noteTension(ctx, -K.diplomacyTension * Math.min(usD, cnD), 'diplomacy');
}

/**
 * The settled change split by cause, summing to it: the incidents join the unannounced acts, relief scales
 * every part alike, then the drift toward the resting level, and what the 0–100 bounds held back.
 */
function splitTension(why: Partial<Record<TensionCause, number>>, shock: number, relief: number, before: number, after: number, drift: number): void {
  why.unannounced = (why.unannounced ?? 0) + shock;
  let moved = 0;
  for (const k of Object.keys(why) as TensionCause[]) {
    why[k] = (why[k] ?? 0) * relief;
    moved += why[k] ?? 0;
  }
  why.drift = drift;
  why.limit = after - (before + moved + drift);
}
