import { describe, expect, it } from 'vitest';
import { meanConfidenceInterval } from './confidence-interval.js';
import { clipAtZero } from './non-negative-interval.js';

describe('clipAtZero', () => {
  it('shows 0, not a negative bound, for a skewed non-negative sample, and says it clipped', () => {
    // mean 10/3, sd 5.7735, t(0.975, 2) = 4.3027: lo = 3.3333 - 14.3424 = -11.009 (hand-checked)
    const ci = meanConfidenceInterval([0, 0, 10]);
    expect(ci.lo).toBeCloseTo(-11.009, 2);
    const clipped = clipAtZero(ci);
    expect(clipped.lo).toBe(0);
    expect(clipped.hi).toBe(ci.hi);
    expect(clipped.mean).toBe(ci.mean);
    expect(clipped.clippedAtZero).toBe(true);
  });
  it('leaves an interval above 0 as it is', () => {
    const ci = meanConfidenceInterval([9, 10, 11]);
    expect(clipAtZero(ci)).toEqual({ ...ci, clippedAtZero: false });
  });
  it('leaves NaN bounds (fewer than 2 values) as NaN', () => {
    expect(clipAtZero(meanConfidenceInterval([4])).lo).toBeNaN();
  });
});
