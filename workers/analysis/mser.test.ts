import { describe, expect, it } from 'vitest';
import { createStream, standardNormal } from '../../sim-core/index.js';
import { mser } from './mser.js';

/** AR(1) X_t = μ + φ(X_{t−1} − μ) + ε_t, ε ~ N(0, 1), started at x0. */
function ar1(n: number, x0: number, mu: number, phi: number, seed: number): number[] {
  const rng = createStream(seed, 'ar1');
  const out: number[] = [];
  let x = x0;
  for (let t = 0; t < n; t++) {
    out.push(x);
    x = mu + phi * (x - mu) + standardNormal(rng);
  }
  return out;
}

describe('MSER-5 warm-up truncation', () => {
  it('computes the MSER statistic by hand for a small series (batch size 1)', () => {
    // d=0: mean 5/3, Σ(x−x̄)² = 10/3, /36; d=1: [1,2,1,2,1] 1.2/25; d=2: [2,1,2,1] 1/16; d=3: [1,2,1] (2/3)/9.
    const r = mser([3, 1, 2, 1, 2, 1], 1);
    expect(r.statistics).toHaveLength(4);
    [10 / 3 / 36, 1.2 / 25, 1 / 16, 2 / 3 / 9].forEach((v, d) => expect(r.statistics[d]).toBeCloseTo(v, 12));
    expect(r.truncatedBatches).toBe(1);
    expect(r.truncation).toBe(1);
    expect(r.atSearchLimit).toBe(false);
  });

  it('cuts exactly the leading batch of a step', () => {
    const r = mser([9, 9, 9, 9, 9, ...Array<number>(95).fill(1)]);
    expect(r.batches).toBe(20);
    expect(r.truncation).toBe(5);
  });

  it('cuts the transient of an AR(1) started far from its mean, so the truncated mean is near the true mean', () => {
    // μ = 10, φ = 0.9, start 100: the offset 90·0.9^t falls below the stationary sd 1/√(1−0.81) ≈ 2.3 at t ≈ 35.
    for (const seed of [1, 2, 3, 4, 5]) {
      const series = ar1(2000, 100, 10, 0.9, seed);
      const r = mser(series);
      expect(r.truncation, `seed ${seed}`).toBeGreaterThanOrEqual(20);
      expect(r.truncation, `seed ${seed}`).toBeLessThanOrEqual(100);
      const kept = series.slice(r.truncation);
      const mean = kept.reduce((s, x) => s + x, 0) / kept.length;
      // sd of a mean of ~1950 AR(1) values ≈ σ/(1−φ)/√n = 10/√1950 ≈ 0.23; allow 4 of those.
      expect(Math.abs(mean - 10), `seed ${seed}`).toBeLessThan(0.92);
    }
  });

  it('cuts little or nothing from a series with no transient', () => {
    const r = mser(ar1(2000, 10, 10, 0.5, 7));
    expect(r.truncation).toBeLessThan(200);
  });

  it('says when the minimum is at the end of the searched half (run too short for the transient)', () => {
    const falling = Array.from({ length: 100 }, (_, i) => 100 - i);
    const r = mser(falling);
    expect(r.atSearchLimit).toBe(true);
    expect(r.truncatedBatches).toBe(10);
  });

  it('refuses series too short for two batches or with values that are not finite', () => {
    expect(() => mser([1, 2, 3, 4, 5, 6, 7, 8, 9])).toThrow(/at least 10 values/);
    expect(() => mser([1, 2, 3, 4, 5, 6, 7, NaN, 9, 10])).toThrow(/series\[7\] must be finite/);
    expect(() => mser([1, 2], 0)).toThrow(/batchSize/);
  });
});
