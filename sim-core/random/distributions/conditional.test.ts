import { describe, expect, it } from 'vitest';
import { createStream } from '../stream.js';
import { continuousCdf, logRegularizedGammaQ } from './cdf.js';
import { remainingDuration } from './conditional.js';
import { exponential } from './families/exponential.js';
import { normalCdf } from './normal-sampler.js';
import { makeDistribution, type DistributionSpec } from './spec.js';
import { logGamma } from './special-functions.js';

/**
 * Each check is a test at level about 1e-4 with a fixed seed: the mean's
 * tolerance is Z standard errors of the sample mean (sd estimated from the
 * draws themselves), the CDF's the asymptotic Kolmogorov quantile; never tuned.
 */
const Z = 3.8906; // two-sided normal quantile for α = 1e-4
const KS_CRITICAL = Math.sqrt(-Math.log(1e-4 / 2) / 2);
const N = 40_000;

function remaining(spec: DistributionSpec, t: number, n = N): number[] {
  const rng = createStream(20261130, `${spec.type}:${t}`);
  const d = makeDistribution(spec);
  return Array.from({ length: n }, () => remainingDuration(d, rng, t));
}

function expectMean(xs: number[], expected: number): void {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  expect(Math.abs(mean - expected)).toBeLessThanOrEqual(Z * (sd / Math.sqrt(n)) + 1e-9 * Math.abs(expected));
}

/** Kolmogorov–Smirnov against F_t(y) = (F(t + y) − F(t)) / (1 − F(t)), the law of the rest. */
function expectConditionalCdf(xs: number[], spec: DistributionSpec, t: number): void {
  const cdf = continuousCdf(spec)!;
  const ft = cdf(t);
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  sorted.forEach((y, i) => {
    const f = (cdf(t + y) - ft) / (1 - ft);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  });
  expect(d).toBeLessThan(KS_CRITICAL / Math.sqrt(n));
}

/** E[X − t | X > t] for a lognormal: e^{μ+σ²/2} Φ((μ + σ² − ln t)/σ) / Φ((μ − ln t)/σ) − t. */
function lognormalRest(mean: number, sd: number, t: number): number {
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  const mu = Math.log(mean) - s2 / 2;
  const s = Math.sqrt(s2);
  return (mean * normalCdf((mu + s2 - Math.log(t)) / s)) / normalCdf((mu - Math.log(t)) / s) - t;
}

/** E[X − t | X > t] for a gamma: a θ Q(a + 1, t/θ) / Q(a, t/θ) − t. */
function gammaRest(shape: number, scale: number, t: number): number {
  return shape * scale * Math.exp(logRegularizedGammaQ(shape + 1, t / scale) - logRegularizedGammaQ(shape, t / scale)) - t;
}

/** E[X − t | X > t] for a Weibull: λ e^{h} Γ(1 + 1/k) Q(1 + 1/k, h) − t, h = (t/λ)^k. */
function weibullRest(shape: number, scale: number, t: number): number {
  const h = Math.pow(t / scale, shape);
  const s = 1 + 1 / shape;
  return scale * Math.exp(h + logGamma(s) + logRegularizedGammaQ(s, h)) - t;
}

describe('the rest of a stay, given the time already spent', () => {
  it('exponential: memoryless, the rest has the full mean whatever the time spent', () => {
    const spec: DistributionSpec = { type: 'exponential', mean: 100 };
    const xs = remaining(spec, 250);
    expectMean(xs, 100);
    expectConditionalCdf(xs, spec, 250);
  });

  const lognormal: DistributionSpec = { type: 'lognormal', mean: 7200, sd: 6000 };
  for (const t of [1440, 4320, 28_800, 86_400]) {
    it(`lognormal stay (mean 5 days, sd 4.2 days), ${t / 1440} days in: conditional mean and law`, () => {
      const xs = remaining(lognormal, t);
      expectMean(xs, lognormalRest(7200, 6000, t));
      expectConditionalCdf(xs, lognormal, t);
    });
  }

  const gammas: [number, number, number][] = [
    [2.5, 2000, 1000], // most mass above: rejection
    [2.5, 2000, 15_000], // 1% above: inversion of the survival function
    [0.6, 500, 2000],
    [9, 100, 2500], // far beyond the mean (9 sd): inversion deep in the tail
  ];
  for (const [shape, scale, t] of gammas) {
    it(`gamma(shape ${shape}, scale ${scale}) at ${t}: conditional mean and law`, () => {
      const spec: DistributionSpec = { type: 'gamma', shape, scale };
      const xs = remaining(spec, t);
      expectMean(xs, gammaRest(shape, scale, t));
      expectConditionalCdf(xs, spec, t);
    });
  }

  it('erlang (k 3, mean 30) at 80 minutes: the gamma of shape 3 and scale 10', () => {
    const spec: DistributionSpec = { type: 'erlang', k: 3, mean: 30 };
    const xs = remaining(spec, 80);
    expectMean(xs, gammaRest(3, 10, 80));
    expectConditionalCdf(xs, spec, 80);
  });

  for (const [shape, scale, t] of [
    [1.7, 100, 150],
    [0.8, 3000, 10_000],
  ] as const) {
    it(`weibull(shape ${shape}, scale ${scale}) at ${t}: conditional mean and law`, () => {
      const spec: DistributionSpec = { type: 'weibull', shape, scale };
      const xs = remaining(spec, t);
      expectMean(xs, weibullRest(shape, scale, t));
      expectConditionalCdf(xs, spec, t);
    });
  }

  it('empirical stays: drawn among the recorded stays longer than the time spent, with their weights', () => {
    const values = [1, 2, 3, 5, 8, 13, 21];
    const weights = [5, 4, 3, 3, 2, 1, 1];
    const xs = remaining({ type: 'empirical', values, weights }, 4);
    // Closed form: Σ w (v − 4) over the values above 4, over Σ w over them.
    const expected = (3 * (5 - 4) + 2 * (8 - 4) + 1 * (13 - 4) + 1 * (21 - 4)) / (3 + 2 + 1 + 1);
    expectMean(xs, expected);
    expect(new Set(xs)).toEqual(new Set([1, 4, 9, 17]));
  });

  const bounded: [DistributionSpec, number][] = [
    [{ type: 'uniform', min: 60, max: 180 }, 100],
    [{ type: 'uniform', min: 60, max: 180 }, 20],
    [{ type: 'triangular', min: 10, mode: 20, max: 45 }, 15],
    [{ type: 'triangular', min: 10, mode: 20, max: 45 }, 30],
    [{ type: 'truncatedNormal', mean: 30, sd: 10, min: 15 }, 50],
    [{ type: 'truncatedNormal', mean: 300, sd: 30, min: 100, max: 330 }, 320],
    [{ type: 'empiricalContinuous', values: [3, 5, 5.5, 9, 14, 30] }, 7],
  ];
  for (const [spec, t] of bounded) {
    it(`${JSON.stringify(spec)} at ${t}: the conditional law, and its mean ∫S/S(t)`, () => {
      const xs = remaining(spec, t);
      expectConditionalCdf(xs, spec, t);
      // E[X − t | X > t] = ∫_t^∞ S(x) dx / S(t), by Simpson's rule on 20,000 panels up to the support's end.
      const cdf = continuousCdf(spec)!;
      const end = spec.type === 'truncatedNormal' ? (spec.max ?? spec.mean + 12 * spec.sd) : Math.max(...xs) + t + 1;
      const panels = 20_000;
      const h = (end - t) / panels;
      let integral = 0;
      for (let i = 0; i <= panels; i++) {
        const w = i === 0 || i === panels ? 1 : i % 2 === 1 ? 4 : 2;
        integral += w * (1 - cdf(t + i * h));
      }
      expectMean(xs, (integral * h) / 3 / (1 - cdf(t)));
    });
  }

  it('a patient past every value the distribution can take has nothing left', () => {
    const rng = createStream(1, 'past');
    expect(remainingDuration(makeDistribution({ type: 'constant', value: 30 }), rng, 45)).toBe(0);
    expect(remainingDuration(makeDistribution({ type: 'constant', value: 30 }), rng, 10)).toBe(20);
    expect(remainingDuration(makeDistribution({ type: 'uniform', min: 1, max: 2 }), rng, 3)).toBe(0);
    expect(remainingDuration(makeDistribution({ type: 'empirical', values: [1, 2] }), rng, 2)).toBe(0);
    expect(remainingDuration(makeDistribution({ type: 'empiricalContinuous', values: [1, 2] }), rng, 5)).toBe(0);
  });

  it('a step just begun (elapsed 0) draws exactly as an ordinary draw, number for number', () => {
    const spec: DistributionSpec = { type: 'lognormal', mean: 100, sd: 50 };
    const d = makeDistribution(spec);
    const a = createStream(7, 'same');
    const b = createStream(7, 'same');
    for (let i = 0; i < 100; i++) expect(remainingDuration(d, a, 0)).toBe(d.sample(b));
  });

  it('a sampler built by hand (no spec) is conditioned by rejection', () => {
    const xs = Array.from(
      { length: N },
      (
        (rng) => () =>
          remainingDuration(exponential(50), rng, 120)
      )(createStream(3, 'hand')),
    );
    expectMean(xs, 50);
  });

  it('poisson counts above t: the rest is a whole count minus t', () => {
    const xs = remaining({ type: 'poisson', mean: 4 }, 6.5);
    // E[X | X >= 7] for Poisson(4) by direct summation.
    let num = 0;
    let den = 0;
    let p = Math.exp(-4);
    for (let k = 0; k < 60; k++) {
      if (k > 0) p *= 4 / k;
      if (k >= 7) {
        num += p * k;
        den += p;
      }
    }
    expectMean(xs, num / den - 6.5);
  });
});
