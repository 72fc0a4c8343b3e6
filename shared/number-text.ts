/**
 * A number with `digits` decimals as players read it: a true minus sign (U+2212) for negatives, and
 * never "−0.0" for a value that rounds to zero.
 */
export function fixed(x: number, digits = 0): string {
  const t = x.toFixed(digits);
  if (!t.startsWith('-')) return t;
  return Number(t) === 0 ? t.slice(1) : `−${t.slice(1)}`;
}

/** A share, chance or roll (0–1) as a percentage: "34.4%" (to the tenth unless told). */
export function percent(x: number, digits = 1): string {
  return `${fixed(x * 100, digits)}%`;
}

/**
 * A figure beside the bars it is read against (a threshold, or the odds a roll fell under), with as many
 * decimals (from `digits`, at most 4 more) as it takes not to read as one of them when it is not: 49.7
 * against 50 is "49.7", not "50"; 50 is "50"; a roll of 12.31 under odds of 12.34 is "12.31".
 */
export function beside(x: number, bars: readonly number[], digits = 0): string {
  let d = digits;
  while (d < digits + 4 && bars.some((b) => x !== b && x.toFixed(d) === b.toFixed(d))) d++;
  return fixed(x, d);
}
