import type { Params } from './scenario.js';

/** Doublings of effective compute the frontier gains per month on trend (compute growth × efficiency growth). */
export function frontierDoublingsPerMonth(p: Params): number {
  return Math.log2(p.frontierComputeGrowth * p.efficiencyGrowth) / 3;
}

export function clamp(x: number, lo = 0, hi = 1): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function logit(p: number): number {
  const q = clamp(p, 1e-6, 1 - 1e-6);
  return Math.log(q / (1 - q));
}
