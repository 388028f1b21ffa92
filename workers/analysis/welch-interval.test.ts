import { describe, expect, it } from 'vitest';
import { welchDifferenceInterval } from './welch-interval.js';

describe('Welch interval for a difference of independent means', () => {
  it('matches scipy.stats.ttest_ind(equal_var=False).confidence_interval()', () => {
    // scipy 1.17: (-7.983468695628830, -0.016531304371170), df 6.972255729794934
    const r = welchDifferenceInterval([1, 2, 3, 4, 5], [2, 4, 6, 8, 10, 12]);
    expect(r.mean).toBe(-4);
    expect(r.df).toBeCloseTo(6.972255729794934, 10);
    expect(r.lo).toBeCloseTo(-7.98346869562883, 8);
    expect(r.hi).toBeCloseTo(-0.01653130437117, 8);
  });

  it('gives a zero-width interval when neither sample varies', () => {
    expect(welchDifferenceInterval([2, 2], [1, 1, 1])).toMatchObject({ mean: 1, halfWidth: 0 });
  });

  it('refuses samples of fewer than 2 values', () => {
    expect(() => welchDifferenceInterval([1], [1, 2])).toThrow(/at least 2 values/);
  });
});
