import { describe, expect, it } from 'vitest';
import { fixed, percent } from '../../shared/index.js';
import { estimate, months, possessive, shownChange } from '../../client/src/format.js';

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

  it('a change is the difference of the figures as shown, so before, after and change add up', () => {
    // 35.56% and 35.44% show as 35.6% and 35.4%: the change reads −0.2 pts, not the raw −0.1.
    expect(shownChange(0.3556, 0.3544, 1, 100, ' pts')).toMatchObject({ diff: expect.closeTo(-0.2, 9), size: '0.2', signed: '−0.2 pts' });
    // 45.4 → 50.6 shows as 45 → 51: +6, though the raw change is 5.2.
    expect(shownChange(45.4, 50.6, 0).signed).toBe('+6');
    // Too small to show reads 0, never −0; one point is "pt".
    expect(shownChange(20.2, 20.1, 0)).toMatchObject({ diff: 0, signed: '0' });
    expect(shownChange(0.30, 0.31, 0, 100, ' pts').signed).toBe('+1 pt');
  });

  it('shares, chances and rolls read as percentages', () => {
    expect(percent(0.3444)).toBe('34.4%');
    expect(percent(0.25, 0)).toBe('25%');
  });
});


describe('seat names in the possessive', () => {
  it('take ’s, or only ’ after a plural', () => {
    expect(possessive('China')).toBe('China’s');
    expect(possessive('Compute hubs')).toBe('Compute hubs’');
  });
});
