import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile-sorted.js';

describe('quantileSorted', () => {
  it("gives R's type-7 quantiles (confirmed in R: quantile(c(1, 2, 4, 8, 16), c(0, 0.1, 0.5, 0.9, 1)))", () => {
    const xs = [1, 2, 4, 8, 16];
    expect([0, 0.1, 0.5, 0.9, 1].map((p) => quantileSorted(xs, p))).toEqual([1, 1.4, 4, 12.8, 16]);
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
  });

  it('gives the one value for a single value and NaN for none', () => {
    expect(quantileSorted([7], 0.9)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('gives an infinite value at its own order statistic rather than NaN', () => {
    expect(quantileSorted([1, 2, Infinity], 1)).toBe(Infinity);
    expect(quantileSorted([1, 2, Infinity], 0.5)).toBe(2);
  });
});
