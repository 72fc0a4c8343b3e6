import { describe, expect, it } from 'vitest';
import { ACTIONS, LEVERS, SEATS, actionsFor, crisisOdds, hashData, resolveQuarter } from '../../shared/index.js';
import { worldWith } from './helpers.js';

describe('action catalogue', () => {
  it('every seat has 8 to 12 actions', () => {
    for (const seat of SEATS) {
      const n = actionsFor(seat).length;
      expect(n, seat).toBeGreaterThanOrEqual(8);
      expect(n, seat).toBeLessThanOrEqual(12);
    }
  });

  it('every lever can be moved by some action of its seat', () => {
    for (const l of LEVERS) {
      expect(ACTIONS.some((a) => a.seat === l.seat && a.effects.some((e) => 'lever' in e && e.lever === l.id)), l.id).toBe(true);
    }
  });

  it('smuggling, offshore rental, distillation and quiet hosting are covert', () => {
    for (const id of ['cn-smuggling', 'cn-offshore-rental', 'cnlab-distillation', 'cnlab-offshore-training', 'hub-host-prc']) {
      expect(ACTIONS.find((a) => a.id === id)?.visibility, id).toBe('covert');
    }
  });

  it('every lever changes the world: the same quarter with the lever at 0 and at 1 ends differently', () => {
    for (const l of LEVERS) {
      if (l.id === 'hardening') continue; // it only deters: checked below on the crisis odds
      const a = worldWith('baseline', 'lever-matters', { [l.seat]: { [l.id]: 0 } });
      const b = worldWith('baseline', 'lever-matters', { [l.seat]: { [l.id]: 1 } });
      // Campaigns reset at the start of a quarter, so order them; policies are set directly.
      const order = ACTIONS.find((x) => x.seat === l.seat && x.effects.some((e) => 'lever' in e && e.lever === l.id && e.delta > 0));
      const ra = resolveQuarter(a, {}).state;
      const rb = l.kind === 'campaign' ? resolveQuarter(b, { [l.seat]: [{ action: order!.id, intensity: order!.maxIntensity }] }).state : resolveQuarter(b, {}).state;
      const strip = (s: typeof ra) => ({ ...s, levers: null, posture: null, resources: null, history: [] });
      const twoA = resolveQuarter(ra, {}).state;
      const twoB = resolveQuarter(rb, {}).state;
      const differs = hashData(strip(rb)) !== hashData(strip(ra)) || hashData(strip(twoB)) !== hashData(strip(twoA));
      expect(differs, `${l.seat}.${l.id}`).toBe(true);
    }
    const tense = (h: number) => crisisOdds({ ...worldWith('baseline', 'x', { TW: { hardening: h } }), tension: 80, params: worldWith('baseline', 'x').params });
    const real = (h: number) => {
      const s = worldWith('baseline', 'x', { TW: { hardening: h } });
      return crisisOdds({ ...s, tension: 80, params: { ...s.params, straitCrisisThreshold: 64 } });
    };
    expect(tense(0)).toBe(0); // early endings are switched off in these test worlds
    expect(real(1)).toBeLessThan(real(0));
  });
});
