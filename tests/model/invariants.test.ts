import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACTIONS,
  AGREEMENT_KINDS,
  BUILTIN_SCENARIOS,
  SEATS,
  SIGN_ACTION,
  createWorld,
  playBotMatch,
  resolveQuarter,
  validateOrders,
  type BySeat,
  type Order,
  type SeatId,
  type SeatOrders,
  type WorldState,
} from '../../shared/index.js';
import { expectInvariants } from './helpers.js';

const BY_SEAT = Object.fromEntries(SEATS.map((s) => [s, ACTIONS.filter((a) => a.seat === s)])) as unknown as BySeat<typeof ACTIONS>;

/** An arbitrary set of orders for one seat: actions from its catalogue (intensity within range) and sign orders. */
function seatOrdersArb(seat: SeatId): fc.Arbitrary<Order[]> {
  const catalogue = BY_SEAT[seat];
  const action = fc.record({ i: fc.nat({ max: catalogue.length - 1 }), n: fc.integer({ min: 1, max: 3 }) }).map(({ i, n }) => {
    const a = catalogue[i];
    return { action: a.id, intensity: Math.min(n, a.maxIntensity) } as Order;
  });
  const sign = fc.constantFrom(...AGREEMENT_KINDS).map((k) => ({ action: SIGN_ACTION, intensity: 1, agreement: k }) as Order);
  return fc.array(fc.oneof({ weight: 5, arbitrary: action }, { weight: 1, arbitrary: sign }), { maxLength: 7 });
}

const quarterArb: fc.Arbitrary<BySeat<SeatOrders>> = fc.record(Object.fromEntries(SEATS.map((s) => [s, seatOrdersArb(s)])) as { [K in SeatId]: fc.Arbitrary<Order[]> });

describe('invariants over seeded bot matches', () => {
  for (const sc of BUILTIN_SCENARIOS) {
    it(`${sc.id}: 150 bot matches keep every invariant and end with exactly one outcome`, () => {
      for (let i = 0; i < 150; i++) {
        const s = playBotMatch(sc, `inv-${i}`);
        expectInvariants(s);
        expect(s.outcome).not.toBeNull();
        expect(s.history.length).toBe(s.turn);
        expect(s.history.filter((h) => h.events.some((e) => e.kind === 'outcome')).length).toBe(1);
        for (const h of s.history) expect(h.turn).toBeLessThanOrEqual(sc.turns);
        expect(() => resolveQuarter(s, {})).toThrow(/over/);
      }
    });
  }
});

describe('invariants under random legal orders (fast-check)', () => {
  for (const sc of BUILTIN_SCENARIOS) {
    it(`${sc.id}: any sequence of orders keeps every invariant`, () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.array(quarterArb, { minLength: sc.turns, maxLength: sc.turns }), (seed, turns) => {
          let s: WorldState = createWorld(sc, seed);
          expectInvariants(s);
          for (const orders of turns) {
            if (s.outcome) break;
            // Each seat's orders as validation accepts them: what a server would pass on.
            for (const seat of SEATS) expect(validateOrders(s, seat, orders[seat]).accepted.length).toBeLessThanOrEqual(orders[seat].length);
            s = resolveQuarter(s, orders).state;
            expectInvariants(s);
          }
          expect(s.outcome).not.toBeNull();
          expect(s.turn).toBeLessThanOrEqual(sc.turns);
        }),
        { numRuns: 60, seed: 20261123 },
      );
    });
  }

  it('a shorter match (a scenario with fewer turns) ends after exactly that many quarters unless it ends early', () => {
    const sc = { ...BUILTIN_SCENARIOS[0], turns: 6 };
    for (let i = 0; i < 40; i++) {
      const s = playBotMatch(sc, `short-${i}`);
      expect(s.turn).toBeLessThanOrEqual(6);
      if (!s.outcome!.early) expect(s.turn).toBe(6);
    }
  });
});
