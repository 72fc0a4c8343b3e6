import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../shared/index.js';
import { sensitivity } from '../../shared/analysis/index.js';

describe('sensitivity', () => {
  const scenario = builtinScenario('baseline')!;
  const result = sensitivity(scenario, 150, 'sens', ['distillationRate', 'followerRate', 'depreciation']);

  it('covers each requested parameter that has a sourced range, at both ends of it', () => {
    expect(result.rows.map((r) => r.param).sort()).toEqual(['depreciation', 'distillationRate', 'followerRate']);
    for (const r of result.rows) {
      expect([r.low, r.high]).toEqual(scenario.params[r.param].range);
      expect(r.source).toBe(scenario.params[r.param].source);
    }
  });

  it('ranks parameters by how far they move the odds', () => {
    const swings = result.rows.map((r) => r.swing);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    expect(swings[0]).toBeGreaterThan(0);
  });

  it('is reproducible with the same seed', () => {
    const again = sensitivity(scenario, 150, 'sens', ['distillationRate', 'followerRate', 'depreciation']);
    expect(again).toEqual(result);
  });
});
