import { describe, expect, it } from 'vitest';
import { ACTION_BY_ID, builtinScenario, createWorld, publicView, resolveQuarter, type WorldState } from '../../shared/index.js';
import { orderCondition } from '../../client/src/ui/game/order-condition.js';

const offer = ACTION_BY_ID.get('us-offer-governance')!;
const world = (cooperation: number): WorldState => ({ ...createWorld(builtinScenario('baseline')!, 'order-condition'), cooperation });

const offers = { US: [{ action: 'us-offer-governance', intensity: 1 }], CN: [{ action: 'cn-offer-governance', intensity: 1 }] };

/** Whether the joint governance framework is signed when both sides offer it (the other seats hold). */
function signedAfterOffers(w: WorldState): boolean {
  const r = resolveQuarter(w, offers);
  return r.state.agreements.some((a) => a.kind === 'joint-governance');
}

describe("an order card's condition", () => {
  it('says what an offer needs from the agreement data, with the figure the seat sees now', () => {
    const c = orderCondition(offer, publicView(world(28)));
    expect(c).toEqual({ text: 'Needs cooperation ≥ 50 to be signed (now 28: too low).', unmet: true });
    expect(orderCondition(offer, publicView(world(62)))).toEqual({ text: 'Needs cooperation ≥ 50 to be signed (now 62).', unmet: false });
  });

  it('is the condition the resolution applies', () => {
    for (const cooperation of [28, 49.7, 50, 62]) {
      const w = world(cooperation);
      expect(orderCondition(offer, publicView(w))!.unmet).toBe(!signedAfterOffers(w));
    }
  });

  it('does not round a shortfall away', () => {
    expect(orderCondition(offer, publicView(world(49.7)))!.text).toContain('now 49.7: too low');
  });

  it('is absent for actions without one, and for an offer whose agreement is in force', () => {
    expect(orderCondition(ACTION_BY_ID.get('us-tighten-chip-controls')!, publicView(world(28)))).toBeNull();
    const inForce = { ...resolveQuarter(world(62), offers).state, cooperation: 10 };
    const c = orderCondition(offer, publicView(inForce));
    expect(c?.unmet).toBe(false);
    expect(c?.text).toMatch(/is in force until \d{4} Q[1-4]/);
    // The resolution does not refuse it either.
    expect(resolveQuarter(inForce, offers).events.some((e) => e.kind === 'agreement-refused')).toBe(false);
  });
});
