import { describe, expect, it } from 'vitest';
import { createStream } from '../random/stream.js';
import { batchMeans } from './batch-means.js';
import { meanConfidenceInterval } from './confidence-interval.js';

describe('batchMeans', () => {
  it('splits a run into equal batches and builds the t interval on their means', () => {
    // 1..20 in 4 batches of 5: means 3, 8, 13, 18; s² = (7.5² + 2.5² + 2.5² + 7.5²)/3 = 125/3;
    // half-width t_{0.975,3}·√(125/3)/2 = 3.182446·3.227486 = 10.27130128 (scipy).
    // Lag-1: (−7.5·−2.5 + −2.5·2.5 + 2.5·7.5)/125 = 31.25/125 = 0.25, by hand.
    const r = batchMeans(
      Array.from({ length: 20 }, (_, i) => i + 1),
      4,
    );
    expect(r.batches).toBe(4);
    expect(r.n).toBe(4);
    expect(r.batchSize).toBe(5);
    expect(r.discarded).toBe(0);
    expect(r.mean).toBe(10.5);
    expect(r.halfWidth).toBeCloseTo(10.271301283802604, 9);
    expect(r.lag1Autocorrelation).toBeCloseTo(0.25, 14);
  });

  it('drops the leftover observations from the start of the run, nearest the warm-up', () => {
    // 0..21 (22 values) in 4 batches of 5: drop 0 and 1, batch means 4, 9, 14, 19.
    const r = batchMeans(
      Array.from({ length: 22 }, (_, i) => i),
      4,
    );
    expect(r.discarded).toBe(2);
    expect(r.mean).toBe(11.5);
  });

  it('covers the mean of an autocorrelated run where the i.i.d. interval does not', () => {
    // AR(1) X_t = 0.9 X_{t−1} + U(−½, ½), mean 0, 10 000 steps, 400 runs on fixed streams.
    // Correlated waits make s/√N too small by √((1 + φ)/(1 − φ)) = √19 ≈ 4.4, so the naive
    // 95% interval covers about P(|Z| < 1.96/4.4) ≈ 0.34. Batches of 500 are nearly
    // independent (lag-1 correlation of batch means ≈ φ/(m(1 − φ²)) ≈ 0.01), so batch means
    // should cover about 0.95; binomial sd with 400 runs is 0.011, so 0.92 is ~3 sd below.
    const runs = 400;
    const steps = 10_000;
    const phi = 0.9;
    const xs = new Float64Array(steps);
    let batchCovered = 0;
    let naiveCovered = 0;
    for (let run = 0; run < runs; run++) {
      const stream = createStream(run, 'stats/batch-means-ar1');
      let x = 0;
      for (let t = 0; t < steps; t++) {
        x = phi * x + (stream.nextDouble() - 0.5);
        xs[t] = x;
      }
      const batch = batchMeans(xs, 20);
      if (batch.lo <= 0 && 0 <= batch.hi) batchCovered++;
      const naive = meanConfidenceInterval(xs);
      if (naive.lo <= 0 && 0 <= naive.hi) naiveCovered++;
    }
    expect(batchCovered / runs).toBeGreaterThan(0.92);
    expect(batchCovered / runs).toBeLessThan(0.99);
    expect(naiveCovered / runs).toBeLessThan(0.5);
  });

  it('refuses fewer values than batches, and fewer than 2 batches', () => {
    expect(() => batchMeans([1, 2, 3], 4)).toThrow(/at least 4 values/);
    expect(() => batchMeans([1, 2, 3], 1)).toThrow(RangeError);
    expect(() => batchMeans([1, 2, 3, 4], 2.5)).toThrow(RangeError);
    expect(() => batchMeans([1, Number.NaN, 3, 4], 2)).toThrow(/values\[1\]/);
  });
});
