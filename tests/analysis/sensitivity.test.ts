import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../shared/index.js';
import { differenceMargin, scenarioForecast, sensitivity, sensitivityCases, sensitivityForecast } from '../../shared/analysis/index.js';
import { createWorld, type Scenario } from '../../shared/index.js';

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

  it('plays each end with the figure changed in the scenario, so what an opening derives from it changes too', () => {
    // Incomes are set when an opening is built; give them a range to vary.
    const s: Scenario = structuredClone(scenario);
    s.params.governmentIncome = { ...s.params.governmentIncome, range: [4, 16] };
    const cases = sensitivityCases(s, ['governmentIncome', 'efficiencyGrowth']);
    expect(cases.map((c) => [c.key, c.value])).toEqual([[null, 0], ['governmentIncome', 4], ['governmentIncome', 16], ['efficiencyGrowth', s.params.efficiencyGrowth.range![0]], ['efficiencyGrowth', s.params.efficiencyGrowth.range![1]]]);
    expect(cases[0].scenario).toBe(s);
    const open = (k: number) => createWorld(cases[k].scenario, 'open');
    expect([open(1).income.US, open(2).income.US]).toEqual([4, 16]);
    for (let k = 1; k < cases.length; k++) {
      expect(cases[k].scenario.params[cases[k].key!]).toEqual({ ...s.params[cases[k].key!], value: cases[k].value });
      // Whatever the figure, a match opens at the scenario's lead.
      expect(open(k).leadMonths).toBeCloseTo(open(0).leadMonths, 9);
    }
    const swing = sensitivity(s, 60, 'open', ['governmentIncome']).rows[0];
    expect(swing.oddsLow).not.toEqual(swing.oddsHigh);
  });

  it('counts matches each from an opening of its own, as the scenario’s own odds do', () => {
    const cases = sensitivityCases(scenario, []);
    expect(sensitivityForecast(cases[0], 80, 'own')).toEqual(scenarioForecast(scenario, 80, { seed: 'own|sensitivity' }));
    // Not one opening's continuations: the openings' secret draws differ between matches.
    const trends = [0, 1, 2].map((i) => createWorld(scenario, `own|sensitivity-${i}`).labs.CNLAB.trendLog2);
    expect(new Set(trends).size).toBe(3);
  });

  it('is reproducible with the same seed', () => {
    const again = sensitivity(scenario, 150, 'sens', ['distillationRate', 'followerRate', 'depreciation']);
    expect(again).toEqual(result);
  });
});
