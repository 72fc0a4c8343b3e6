import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../shared/index.js';
import { differenceMargin, sensitivity } from '../../shared/analysis/index.js';

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

  it('gives each swing its 95% margin at that many matches, so a move that could be chance can be told apart', () => {
    for (const r of result.rows) expect(r.margin).toBeCloseTo(differenceMargin(r.oddsLow[r.mostMoved].p, r.oddsHigh[r.mostMoved].p, 150), 12);
    // Two chances of one half from 100 trials each: 1.96 × √(0.5/100).
    expect(differenceMargin(0.5, 0.5, 100)).toBeCloseTo(0.1386, 4);
    // Certain at both ends: nothing could be chance; the margin narrows as the matches grow.
    expect(differenceMargin(0, 0, 50)).toBe(0);
    expect(differenceMargin(0.3, 0.4, 1000)).toBeLessThan(differenceMargin(0.3, 0.4, 100) / 3);
  });

  it('is reproducible with the same seed', () => {
    const again = sensitivity(scenario, 150, 'sens', ['distillationRate', 'followerRate', 'depreciation']);
    expect(again).toEqual(result);
  });
});
