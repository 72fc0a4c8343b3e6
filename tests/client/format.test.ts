import { describe, expect, it } from 'vitest';
import { fixed } from '../../shared/index.js';
import { estimate, months } from '../../client/src/format.js';

describe('numbers as players read them', () => {
  it('negatives take a true minus sign, and a value that rounds to zero has none', () => {
    expect(fixed(-2.34, 1)).toBe('−2.3');
    expect(fixed(2.34, 1)).toBe('2.3');
    expect(fixed(-0.04, 1)).toBe('0.0');
    expect(fixed(-0, 0)).toBe('0');
    expect(fixed(-12.5, 0)).toBe('−13');
  });

  it('a PRC lead reads as a negative US lead in months, band included', () => {
    expect(months(-1.25)).toBe('−1.3 mo');
    expect(estimate({ value: -1, low: -3.5, high: 1.5, exact: false }, months)).toBe('−1.0 mo (−3.5 mo–1.5 mo)');
  });
});
