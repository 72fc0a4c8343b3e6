/** Wilson score interval for a binomial proportion (z = 1.96 for 95%). */
export function wilson(successes: number, n: number, z = 1.96): { p: number; low: number; high: number } {
  if (n <= 0) return { p: 0, low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * The 95% margin of a difference between two proportions, each from `n` trials (z = 1.96): a difference no
 * larger could be chance. Counted as if the two samples were independent; sensitivity runs the same seeds
 * at both ends, which makes real differences stand out more, so this errs on the side of "could be chance".
 */
export function differenceMargin(p1: number, p2: number, n: number, z = 1.96): number {
  if (n <= 0) return 1;
  return z * Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / n);
}
