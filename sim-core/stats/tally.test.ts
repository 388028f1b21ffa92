import fc from 'fast-check';
import { sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { createStream } from '../random/stream.js';
import { quantileSorted } from './quantile-sorted.js';
import { Tally } from './tally.js';

/** The digits of π, 3 1 4 1 5 9 2 6 5 3: Σx = 39, Σx² = 207, so s² = (207 − 10·3.9²)/9 = 6.1. */
const PI_DIGITS = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];

function tallyOf(values: readonly number[], keepValues = false): Tally {
  const t = new Tally({ keepValues });
  for (const x of values) t.add(x);
  return t;
}

describe('Tally', () => {
  it('reports count, sum, mean, variance, sd, min and max of the waits it saw', () => {
    // By hand (see PI_DIGITS); R: var(c(3,1,4,1,5,9,2,6,5,3)) = 6.1.
    const t = tallyOf(PI_DIGITS);
    expect(t.count).toBe(10);
    expect(t.sum).toBe(39);
    expect(t.mean).toBeCloseTo(3.9, 14);
    expect(t.variance).toBeCloseTo(6.1, 13);
    expect(t.sd).toBeCloseTo(Math.sqrt(6.1), 13);
    expect(t.min).toBe(1);
    expect(t.max).toBe(9);
  });

  it('uses n − 1 in the variance: var(1:10) = 9.1667', () => {
    // Confirmed in R: var(1:10) = 9.166667 = 55/6.
    expect(tallyOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).variance).toBeCloseTo(55 / 6, 13);
  });

  it('keeps the variance of waits measured from a large clock offset', () => {
    // 1e9 + {4, 7, 13, 16} has variance 30 exactly (the example in Wikipedia's
    // "Algorithms for calculating variance"); Σx² − n x̄² loses every digit here.
    const t = tallyOf([4, 7, 13, 16].map((x) => 1e9 + x));
    expect(t.variance).toBeCloseTo(30, 6);
    expect(t.mean).toBe(1e9 + 10);
  });

  it('gives R type-7 quantiles (numpy default) when values are kept', () => {
    // Sorted: 1 1 2 3 3 4 5 5 6 9; h = 9p. p = .25: h = 2.25, 2 + .25·(3 − 2) = 2.25;
    // p = .5: (3 + 4)/2 = 3.5; p = .9: h = 8.1, 6 + .1·(9 − 6) = 6.3.
    // Confirmed with numpy.quantile (and R quantile(x, type = 7)).
    const t = tallyOf(PI_DIGITS, true);
    expect(t.quantile(0)).toBe(1);
    expect(t.quantile(0.1)).toBe(1);
    expect(t.quantile(0.25)).toBeCloseTo(2.25, 14);
    expect(t.quantile(0.5)).toBeCloseTo(3.5, 14);
    expect(t.quantile(0.9)).toBeCloseTo(6.3, 14);
    expect(t.quantile(1)).toBe(9);
  });

  it('hits an order statistic exactly at p = k/(n − 1)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 200 }), (xs) => {
        const t = tallyOf(xs, true);
        const sorted = [...xs].sort((a, b) => a - b);
        for (let k = 0; k < sorted.length; k++) expect(t.quantile(k / (sorted.length - 1))).toBe(sorted[k]);
      }),
      { seed: 20240601, numRuns: 200 },
    );
  });

  it('agrees with a two-pass variance (simple-statistics) on arbitrary waits', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 300 }), (xs) => {
        const expected = sampleVariance(xs);
        expect(Math.abs(tallyOf(xs).variance - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('gives the sorted quantiles whatever order they are asked in, and again after more observations', () => {
    const rng = createStream('tally-quantiles', 'values');
    const t = new Tally({ keepValues: true });
    const all: number[] = [];
    const sortedQuantile = (p: number): number =>
      quantileSorted(
        [...all].sort((a, b) => a - b),
        p,
      );
    for (const batch of [1, 7, 500, 3]) {
      for (let i = 0; i < batch; i++) {
        const x = Math.floor(rng.next() * 50) * 1.5;
        all.push(x);
        t.add(x);
      }
      for (const p of [0.5, 0.9, 0.95, 0.1, 0, 1, 0.9, 0.25, 0.75]) expect(t.quantile(p)).toBe(sortedQuantile(p));
    }
  });

  it('re-sorts when observations arrive after a quantile was read', () => {
    const t = tallyOf([10, 20, 30], true);
    expect(t.quantile(0.5)).toBe(20);
    t.add(0);
    t.add(1);
    expect(t.quantile(0.5)).toBe(10);
    expect(t.quantile(0)).toBe(0);
  });

  it('grows its value buffer beyond the initial capacity without losing values', () => {
    const t = new Tally({ keepValues: true, initialCapacity: 1 });
    // 0..999 in a scrambled order (7 is coprime with 1000).
    for (let i = 0; i < 1000; i++) t.add((i * 7) % 1000);
    expect(t.count).toBe(1000);
    expect(t.quantile(0)).toBe(0);
    expect(t.quantile(1)).toBe(999);
    expect(t.quantile(0.5)).toBe(499.5);
    expect(t.sum).toBe(499500);
  });

  it('forgets the warm-up on reset, quantiles included', () => {
    const t = tallyOf([1000, 2000, 3000], true);
    t.reset();
    expect(t.count).toBe(0);
    expect(t.mean).toBeNaN();
    expect(t.quantile(0.5)).toBeNaN();
    for (const x of [1, 2, 3, 4]) t.add(x);
    expect(t.mean).toBe(2.5);
    expect(t.variance).toBeCloseTo(5 / 3, 14);
    expect(t.max).toBe(4);
    expect(t.quantile(1)).toBe(4);
  });

  it('reports NaN, not 0, for figures it has too few observations for', () => {
    const empty = new Tally();
    expect(empty.mean).toBeNaN();
    expect(empty.variance).toBeNaN();
    expect(empty.min).toBeNaN();
    expect(empty.max).toBeNaN();
    expect(empty.sum).toBe(0);
    const one = tallyOf([5]);
    expect(one.mean).toBe(5);
    expect(one.variance).toBeNaN();
    expect(one.sd).toBeNaN();
  });

  it('refuses a NaN wait instead of poisoning the mean', () => {
    const t = new Tally();
    expect(() => t.add(Number.NaN)).toThrow(RangeError);
    expect(() => t.add(Infinity)).toThrow(RangeError);
    expect(t.count).toBe(0);
  });

  it('says how to get quantiles when values were not kept', () => {
    expect(() => tallyOf([1, 2]).quantile(0.5)).toThrow(/keepValues/);
    expect(() => tallyOf([1, 2], true).quantile(1.5)).toThrow(RangeError);
  });
});
