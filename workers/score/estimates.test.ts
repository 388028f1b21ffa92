import { describe, expect, it } from 'vitest';
import { meanAndSe } from './mean-and-se.js';
import { ratioOfMeans } from './ratio-of-means.js';

describe('a mean and a ratio of means with their standard errors', () => {
  it('mean of 1, 2, 3 is 2 with se 1/√3 and a t(2) interval ±4.303 se (R: t.test(1:3))', () => {
    const e = meanAndSe([1, 2, NaN, 3]);
    expect(e.n).toBe(3);
    expect(e.value).toBe(2);
    expect(e.se).toBeCloseTo(1 / Math.sqrt(3), 12);
    // R: t.test(1:3)$conf.int = -0.4841377 4.4841377.
    expect(e.ci95[0]).toBeCloseTo(-0.4841377, 6);
    expect(e.ci95[1]).toBeCloseTo(4.4841377, 6);
  });

  it('ratio of proportional pairs is exact (se 0); otherwise the delta method, by hand', () => {
    expect(ratioOfMeans([1, 2], [2, 4])).toMatchObject({ value: 0.5, se: 0, n: 2 });
    // a = 1, 3; b = 2, 2: R = 2/2 = 1; residuals a − b = −1, 1: √(2 / (2 × 1)) / 2 = 0.5.
    const r = ratioOfMeans([1, 3, 5], [2, 2, NaN]);
    expect(r.value).toBe(1);
    expect(r.se).toBeCloseTo(0.5, 12);
    expect(r.n).toBe(2);
  });

  it('nothing to average gives NaN, not 0', () => {
    expect(meanAndSe([NaN]).value).toBeNaN();
    expect(ratioOfMeans([1], [0]).value).toBeNaN();
  });
});
