import { describe, expect, it } from 'vitest';
import { atLimitText, intensityLabel, leverLimits, leverReach, limitText, reachIfChosen } from '../../client/src/ui/game/lever-limits.js';
import { stepsToLimit } from '../../shared/index.js';

const tighten = (intensity: number) => ({ action: 'us-tighten-chip-controls', intensity });
const loosen = (intensity: number) => ({ action: 'us-loosen-chip-controls', intensity });

describe('orders that push a lever past its limit', () => {
  it('counts the steps that still move a lever, the last one possibly part way', () => {
    expect(stepsToLimit(1, 0.25)).toBe(0);
    expect(stepsToLimit(0.9, 0.25)).toBe(1);
    expect(stepsToLimit(0.5, 0.25)).toBe(2);
    expect(stepsToLimit(0, -0.3)).toBe(0);
    expect(stepsToLimit(0.4, -0.3)).toBe(2);
    // A float sum that lands on the limit leaves no room.
    expect(stepsToLimit(0.4 + 0.3 + 0.3, 0.3)).toBe(0);
    expect(stepsToLimit(0.1, 0.3)).toBe(3);
  });

  it('finds an order on a lever already at its limit, in either direction', () => {
    expect(leverLimits({ chipControls: 1 }, [tighten(1)])).toEqual([{ action: 'us-tighten-chip-controls', intensity: 1, lever: 'chipControls', from: 1, towards: 1, steps: 0 }]);
    expect(leverLimits({ chipControls: 0 }, [loosen(3)])).toEqual([{ action: 'us-loosen-chip-controls', intensity: 3, lever: 'chipControls', from: 0, towards: 0, steps: 0 }]);
    expect(leverLimits({ chipControls: 1 }, [loosen(3)])).toEqual([]);
  });

  it('finds an order only part of whose steps move the lever, and leaves one that just reaches the limit', () => {
    expect(leverLimits({ energyBuildout: 0.9 }, [{ action: 'us-energy-buildout', intensity: 3 }])).toEqual([
      { action: 'us-energy-buildout', intensity: 3, lever: 'energyBuildout', from: 0.9, towards: 1, steps: 1 },
    ]);
    expect(leverLimits({ energyBuildout: 0.9 }, [{ action: 'us-energy-buildout', intensity: 1 }])).toEqual([]);
    expect(leverLimits({ enforcement: 0.5 }, [{ action: 'us-fund-enforcement', intensity: 2 }])).toEqual([]);
  });

  it('takes the orders in turn, as the model applies them, each from where the ones before left the lever', () => {
    // Loosening first leaves room for the tightening after it.
    expect(leverLimits({ chipControls: 1 }, [loosen(1), tighten(1)])).toEqual([]);
    // Tightening first at 100% moves nothing; the loosening after it still does.
    expect(leverLimits({ chipControls: 1 }, [tighten(1), loosen(1)]).map((l) => l.action)).toEqual(['us-tighten-chip-controls']);
    expect(leverReach({ chipControls: 0.5 }, [tighten(2), tighten(1)]).map((r) => r?.from)).toEqual([0.5, 1]);
  });

  it('starts a campaign from 0, whatever it ran at last quarter, and ignores orders that move no lever it knows', () => {
    expect(leverLimits({ usDiplomacy: 1 }, [{ action: 'us-diplomacy', intensity: 3 }])).toEqual([]);
    expect(leverReach({}, [tighten(1)])).toEqual([null]);
    expect(leverReach({ chipControls: 1 }, [{ action: 'no-such-action', intensity: 1 }])).toEqual([null]);
  });

  it('gives each action its reach as if it were chosen too', () => {
    const reach = reachIfChosen({ chipControls: 1 }, ['us-tighten-chip-controls', 'us-loosen-chip-controls'], new Map([['us-loosen-chip-controls', 2]]));
    // Not chosen, the tightening is taken at intensity 1 before the chosen loosening: the lever is at 100% for it.
    expect(reach.get('us-tighten-chip-controls')).toMatchObject({ from: 1, steps: 0 });
    expect(reach.get('us-loosen-chip-controls')).toMatchObject({ from: 1, towards: 0, steps: 4 });
  });

  it('says what the order still costs, and which intensity moves the lever as far', () => {
    const [full] = leverLimits({ chipControls: 1 }, [tighten(1)]);
    expect(limitText(full, 'political capital')).toBe('Already at 100%: this order cannot raise “Chip export controls” any further, yet still costs 2 political capital.');
    const [zero] = leverLimits({ chipControls: 0 }, [loosen(2)]);
    expect(limitText(zero, 'political capital')).toBe('Already at 0%: this order cannot lower “Chip export controls” any further, yet still costs 2 political capital, for nothing.');
    const [part] = leverLimits({ energyBuildout: 0.9 }, [{ action: 'us-energy-buildout', intensity: 3 }]);
    expect(limitText(part, 'political capital')).toBe('At 90%, “Energy & data-centre build-out” has room for 1 step (to 100%): steps 2–3 do not move the lever, yet still cost 4 political capital, for nothing. Intensity 1 moves the lever as far.');
    const [last] = leverLimits({ chipControls: 0.5 }, [tighten(3)]);
    expect(limitText(last, 'political capital')).toBe('At 50%, “Chip export controls” has room for 2 steps (to 100%): step 3 does not move the lever, yet still costs 2 political capital. Intensity 2 moves the lever as far.');
    const [enf] = leverLimits({ enforcement: 1 }, [{ action: 'us-fund-enforcement', intensity: 1 }]);
    expect(limitText(enf, 'political capital')).toBe('Already at 100%: this order cannot raise “Export enforcement budget” any further, yet still costs 2 political capital, for nothing.');
    expect(atLimitText(full)).toBe('Already at 100%: this order would not raise “Chip export controls” any further.');
  });

  it('labels the intensity picker’s steps past the limit, never as "(high)"', () => {
    const [r] = leverReach({ chipControls: 0.75 }, [tighten(1)]);
    expect([1, 2, 3].map((i) => intensityLabel(i, 3, r))).toEqual(['1 (reaches 100%)', '2 (beyond 100%)', '3 (beyond 100%)']);
    const [none] = leverReach({ chipControls: 1 }, [tighten(1)]);
    expect([1, 2, 3].map((i) => intensityLabel(i, 3, none))).toEqual(['1 (beyond 100%)', '2 (beyond 100%)', '3 (beyond 100%)']);
    expect([1, 2, 3].map((i) => intensityLabel(i, 3, null))).toEqual(['1 (low)', '2', '3 (high)']);
    expect(intensityLabel(1, 1, null)).toBe('1 (one level only)');
  });
});
