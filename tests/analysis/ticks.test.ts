import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../shared/analysis/index.js';
import { svgLineChart } from '../../shared/analysis/svg-chart.js';

describe('chart axes', () => {
  it('ticks fall on round steps and cover the data', () => {
    expect(niceTicks(0, 14.3)).toEqual({ lo: 0, hi: 15, ticks: [0, 5, 10, 15] });
    expect(niceTicks(-2.3, 12.6).ticks).toEqual([-5, 0, 5, 10, 15]);
    expect(niceTicks(0, 1).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(20, 63).ticks).toEqual([20, 40, 60, 80]);
    expect(niceTicks(0, 2_400_000).ticks).toEqual([0, 1_000_000, 2_000_000, 3_000_000]);
  });

  it('every set of data sits inside its axis with a handful of ticks', () => {
    for (const [lo, hi] of [[0, 0.003], [-40, -1], [3, 3], [0.1, 0.9], [1, 99_999]] as const) {
      const a = niceTicks(lo, hi);
      expect(a.lo).toBeLessThanOrEqual(lo);
      expect(a.hi).toBeGreaterThanOrEqual(Math.max(hi, lo + 1e-12));
      expect(a.ticks.length).toBeGreaterThanOrEqual(2);
      expect(a.ticks.length).toBeLessThanOrEqual(7);
    }
  });

  it("the report's charts label their ticks in the step's own precision and unit", () => {
    const ticks = (values: number[], opts = {}) => [...svgLineChart('t', ['a', 'b'], [{ name: 'x', values, colour: '#000' }], opts).matchAll(/font-size="11">([^<]*)<\/text>/g)].map((m) => m[1]).slice(0, -1);
    expect(ticks([8.2, 7.4])).toEqual(['0.0', '2.5', '5.0', '7.5', '10.0']);
    expect(ticks([0.3, 0.35], { min: 0, max: 1, percent: true })).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(ticks([2e7, 4.1e7])).toEqual(['0M', '20M', '40M', '60M']);
    expect(ticks([-3.2, 4])).toEqual(['−4', '−2', '0', '2', '4']);
  });
});
