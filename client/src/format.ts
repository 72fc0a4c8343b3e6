import { fixed, percent, type Estimate } from '../../shared/index.js';

/** Compute in H100-equivalents, compact: 1.2M, 350k. */
export function compute(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${(n / 1e6).toFixed(a >= 1e7 ? 1 : 2)}M`;
  if (a >= 1e3) return `${Math.round(n / 1e3)}k`;
  return `${Math.round(n)}`;
}

export function pct(x: number, digits = 0): string {
  return percent(x, digits);
}

export function months(x: number): string {
  return `${fixed(x, 1)} mo`;
}

export function num(x: number, digits = 0): string {
  return fixed(x, digits);
}

/** "7.2 mo (3.1–11.3)" — the band only when it is an estimate. */
export function estimate(e: Estimate, f: (x: number) => string): string {
  return e.exact ? f(e.value) : `${f(e.value)} (${f(e.low)}–${f(e.high)})`;
}

/** The word that says what kind of figure this is, so it is never told by colour alone. */
export function kindLabel(e: Estimate): string {
  return e.exact ? 'exact' : 'estimate';
}

export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The change between two figures as they are shown (each rounded to `digits` after scaling), so that a
 * before, an after and their change always add up. `size` is the unsigned change as text ("0" when too
 * small to show); `unit` is given for one (" pts" becomes " pt"); `signed` is the whole of it: "+3 pts",
 * "−0.4 mo", "0".
 */
export function shownChange(before: number, after: number, digits: number, scale = 1, unit = ''): { diff: number; size: string; unit: string; signed: string } {
  const shown = (x: number) => Number((x * scale).toFixed(digits));
  const raw = shown(after) - shown(before);
  const size = Math.abs(raw).toFixed(digits);
  const diff = Number(size) === 0 ? 0 : raw;
  const u = unit === ' pts' && Number(size) === 1 ? ' pt' : unit;
  return { diff, size, unit: u, signed: diff === 0 ? `0${u}` : `${diff > 0 ? '+' : '−'}${size}${u}` };
}

/** "China’s", but "Compute hubs’". */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}
