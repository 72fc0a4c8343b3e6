import { describe, expect, it } from 'vitest';
import { resolveQuarter } from '../../shared/index.js';
import { worldWith } from './helpers.js';
import { ACTION_RULES } from '../../shared/action-rules.js';

describe('orders past a lever’s limit', () => {
  it('are paid for, but their other effects count only the steps that move the lever: loosening controls at 0% buys no calm', () => {
    const at = (controls: number) => {
      const s = worldWith('baseline', 'limits');
      s.levers.US.chipControls = controls;
      return s;
    };
    const loosen = [{ action: 'us-loosen-chip-controls', intensity: 2 }];
    const none = resolveQuarter(at(0), {}).state;
    const wasted = resolveQuarter(at(0), { US: loosen }, { record: true });
    // Nothing moved: tension and resources end as if no order had been given, less its cost.
    expect(wasted.state.tension).toBe(none.tension);
    expect(wasted.state.levers.US.chipControls).toBe(0);
    expect(wasted.state.history[0].tensionWhy?.['acts:US'] ?? 0).toBe(0);
    // From 10%, the first step moves the lever (part way, to 0%) and counts; the second does not.
    expect(Math.abs(ACTION_RULES.get('us-loosen-chip-controls')!.levers[0].delta)).toBeGreaterThan(0.1);
    const one = resolveQuarter(at(0.1), { US: loosen }).state.history[0].tensionWhy?.['acts:US'] ?? 0;
    const both = resolveQuarter(at(0.9), { US: loosen }).state.history[0].tensionWhy?.['acts:US'] ?? 0;
    expect(both).toBeLessThan(0);
    expect(one).toBeCloseTo(both / 2, 9);
  });
});
