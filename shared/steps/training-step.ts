import { clamp, frontierDoublingsPerMonth } from '../formulas.js';
import { K } from '../coefficients.js';
import type { WorldState } from '../state.js';
import { modMult, type TurnCtx } from './context.js';

/**
 * Step 4. Training and distillation. Each lab trains on its bloc's last four quarters of supply
 * (concentrated into frontier runs at the frontier's growth rate), times its algorithmic efficiency.
 * Capability is log2 of effective training compute. The PRC lab also closes part of the gap without
 * compute: fast-follower diffusion, and distillation (intensity × gap × (1 − defences) × (1 − deterrence)).
 */
export function stepTraining(s: WorldState, ctx: TurnCtx): void {
  const p = s.params;
  const turn = ctx.turn;
  const us = s.compute.US.inflow;
  const cn = s.compute.CN.inflow;
  shift(s.trainingWindow.USLAB, us.domestic);
  shift(s.trainingWindow.CNLAB, cn.legal + cn.domestic + cn.smuggled + cn.offshore);
  const concentration = Math.pow(p.frontierComputeGrowth / p.globalComputeGrowth, turn);
  const usLab = s.labs.USLAB;
  const cnLab = s.labs.CNLAB;
  usLab.trainingCompute =
    concentration * sum(s.trainingWindow.USLAB) * (1 + K.computePurchaseBoost * s.levers.USLAB.usComputePurchases) * (1 - K.safetyComputeCost * s.levers.USLAB.usSafetyEvals);
  cnLab.trainingCompute =
    concentration * sum(s.trainingWindow.CNLAB) * (1 - K.safetyComputeCost * s.levers.CNLAB.cnSafetyEvals) * (1 - K.domesticChipsPenalty * s.levers.CNLAB.domesticChips);
  // Algorithmic progress is uncertain and lumpy: each lab has its own trend (drawn at the start), and each
  // quarter draws its gain around it, both across the sourced range of the trend (×1.16 to ×1.52 a quarter).
  const effStep = Math.log2(p.efficiencyGrowth);
  const rng = ctx.rng;
  const spread = K.efficiencyNoise * Math.log2(K.efficiencyHigh / K.efficiencyLow);
  usLab.efficiencyLog2 += (effStep + (usLab.trendLog2 ?? 0) + (rng() - 0.5) * spread) * (1 + K.efficiencyResearchBoost * s.levers.USLAB.usEfficiency);
  cnLab.efficiencyLog2 += (effStep + (cnLab.trendLog2 ?? 0) + (rng() - 0.5) * spread) * (1 + K.efficiencyResearchBoost * s.levers.CNLAB.efficiencyResearch);

  const gap = Math.max(0, usLab.capability - cnLab.capability);
  const follower = p.followerRate * gap * (1 + K.openWeightsDiffusion * s.levers.USLAB.usOpenWeights);
  const intensity = clamp(K.distillationBaseline + s.levers.CNLAB.distillationCampaign, 0, 1 + K.distillationBaseline);
  const defences = clamp(s.levers.USLAB.distillationDefences + K.exposeDefence * s.levers.USLAB.exposeDistillation);
  const deterrence = clamp(K.lawDeterrence * s.levers.US.antiDistillationLaw + ctx.agreements.distillationDeterrence, 0, K.maxDeterrence);
  const extracted = p.distillationRate * intensity * gap * (1 - K.defenceEffect * defences) * (1 - deterrence) * modMult(s, 'distillationMultiplier');
  const d = s.distillation;
  d.intensity = intensity;
  d.extracted = extracted;
  d.detection = clamp(K.distillationDetectionBase + K.distillationDetectionDefences * defences + K.distillationDetectionIntel * s.levers.US.usIntel + K.exposeDetection * s.levers.USLAB.exposeDistillation);
  d.deterrence = deterrence;
  cnLab.distilled += follower + extracted;
  s.totals.extracted += extracted;
  usLab.capability = Math.max(usLab.capability, Math.log2(usLab.trainingCompute) + usLab.efficiencyLog2);
  cnLab.capability = Math.max(cnLab.capability, Math.log2(cnLab.trainingCompute) + cnLab.efficiencyLog2 + cnLab.distilled);
  s.leadMonths = (usLab.capability - cnLab.capability) / frontierDoublingsPerMonth(p);
}

function shift(window: number[], value: number): void {
  for (let i = 0; i < window.length - 1; i++) window[i] = window[i + 1];
  window[window.length - 1] = value;
}

function sum(xs: readonly number[]): number {
  let t = 0;
  for (let i = 0; i < xs.length; i++) t += xs[i];
  return t;
}
