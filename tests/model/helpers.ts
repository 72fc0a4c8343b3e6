import { expect } from 'vitest';
import { BLOCS, COMPUTE_SOURCES, OUTCOMES, REGIONS, SEATS, type WorldState } from '../../shared/index.js';

export { calm, run, scenario, worldWith } from './fixtures.js';

/** Every number in a value, with its path (for "no NaN anywhere" checks). */
export function numbersIn(v: unknown, path = '', out: [string, number][] = []): [string, number][] {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbersIn(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbersIn(x, path ? `${path}.${k}` : k, out);
  return out;
}

/** The model's invariants, checked on any position. */
export function expectInvariants(s: WorldState): void {
  for (const [path, x] of numbersIn({ ...s, history: [] })) expect(Number.isFinite(x), `${path} is ${x}`).toBe(true);
  for (const b of BLOCS) {
    expect(s.compute[b].stock, `${b} stock`).toBeGreaterThanOrEqual(0);
    for (const k of COMPUTE_SOURCES) expect(s.compute[b].inflow[k], `${b} ${k}`).toBeGreaterThanOrEqual(0);
  }
  for (const seat of SEATS) {
    expect(s.resources[seat], `${seat} resources`).toBeGreaterThanOrEqual(0);
    for (const [id, x] of Object.entries(s.levers[seat])) {
      expect(x, `${seat}.${id}`).toBeGreaterThanOrEqual(0);
      expect(x, `${seat}.${id}`).toBeLessThanOrEqual(1);
    }
  }
  for (const r of REGIONS) {
    const a = s.adoption[r];
    expect(a.democratic, r).toBeGreaterThanOrEqual(0);
    expect(a.democratic, r).toBeLessThanOrEqual(1);
    expect(a.prc, r).toBeGreaterThanOrEqual(0);
    expect(a.democratic + a.prc, `${r} sums to 1`).toBeCloseTo(1, 12);
  }
  for (const x of [s.tension, s.cooperation]) {
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(100);
  }
  for (const x of [s.risk.misuse, s.risk.racing, s.labs.USLAB.safety, s.labs.CNLAB.safety, s.supply.smeAccess, s.supply.hbmAccess, s.supply.domesticYield]) {
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(1);
  }
  expect(s.risk.incidents).toBeGreaterThanOrEqual(0);
  expect(s.turn).toBeGreaterThanOrEqual(0);
  expect(s.turn).toBeLessThanOrEqual(s.turns);
  if (s.outcome) {
    expect(OUTCOMES).toContain(s.outcome.id);
    expect(s.outcome.turn).toBe(s.turn);
    if (!s.outcome.early) expect(s.turn).toBe(s.turns);
  } else {
    expect(s.turn).toBeLessThan(s.turns);
  }
}

