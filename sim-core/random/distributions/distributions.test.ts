import { describe, expect, it } from 'vitest';
import { createStream } from '../stream.js';
import { makeDistribution, type DistributionSpec } from './spec.js';
import { continuousCdf, regularizedGammaP } from './cdf.js';
import { categorical } from './families/categorical.js';

/**
 * Every check here is a hypothesis test at level ALPHA with a fixed seed: the
 * tolerance comes from the sampling distribution of the statistic, never tuned.
 */
const ALPHA = 0.001;
const Z = 3.2905; // two-sided normal quantile for ALPHA
const KS_CRITICAL = Math.sqrt(-Math.log(ALPHA / 2) / 2); // asymptotic Kolmogorov quantile
const N = 40_000;

function draw(spec: DistributionSpec, n = N, name = spec.type): number[] {
  const rng = createStream(20261123, name);
  const d = makeDistribution(spec);
  return Array.from({ length: n }, () => d.sample(rng));
}

function expectMomentsMatch(spec: DistributionSpec, xs: number[]): void {
  const d = makeDistribution(spec);
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const m2 = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
  const m4 = xs.reduce((s, x) => s + (x - mean) ** 4, 0) / n;
  expect(Math.abs(mean - d.mean)).toBeLessThanOrEqual(Z * Math.sqrt(d.variance / n) + 1e-12);
  // The sample variance's standard error estimated from the sample's own fourth moment.
  expect(Math.abs(m2 - d.variance)).toBeLessThanOrEqual(Z * Math.sqrt(Math.max(m4 - m2 * m2, 0) / n) + 1e-12);
}

function ksStatistic(xs: number[], cdf: (x: number) => number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  });
  return d;
}

const continuous: DistributionSpec[] = [
  { type: 'uniform', min: 2, max: 7 },
  { type: 'triangular', min: 10, mode: 20, max: 45 },
  { type: 'exponential', mean: 12 },
  { type: 'erlang', k: 3, mean: 30 },
  { type: 'gamma', shape: 0.6, scale: 50 },
  { type: 'gamma', shape: 4.5, scale: 2 },
  { type: 'lognormal', mean: 20, sd: 30 },
  { type: 'weibull', shape: 1.7, scale: 100 },
  { type: 'truncatedNormal', mean: 30, sd: 10, min: 15 },
  { type: 'truncatedNormal', mean: 0, sd: 1, min: 2.5, max: 4 }, // 0.6% kept: exercises the inversion path
  { type: 'empiricalContinuous', values: [3, 5, 5.5, 9, 14, 30] },
];

describe('continuous distributions', () => {
  for (const spec of continuous) {
    it(`${JSON.stringify(spec)} matches its mean, variance and CDF`, () => {
      const xs = draw(spec);
      expectMomentsMatch(spec, xs);
      const cdf = continuousCdf(spec)!;
      expect(ksStatistic(xs, cdf)).toBeLessThan(KS_CRITICAL / Math.sqrt(xs.length));
    });
  }

  it('constant is constant', () => {
    expect(new Set(draw({ type: 'constant', value: 4 }, 100))).toEqual(new Set([4]));
  });

  it('lognormal is parametrised by the mean and sd of the stay itself, not of its log', () => {
    const d = makeDistribution({ type: 'lognormal', mean: 5, sd: 2 });
    expect(d.mean).toBe(5);
    expect(d.variance).toBeCloseTo(4, 12);
  });

  it('the KS check has power: it rejects a wrong distribution with the same mean', () => {
    const xs = draw({ type: 'erlang', k: 3, mean: 30 });
    const wrong = continuousCdf({ type: 'exponential', mean: 30 })!;
    expect(ksStatistic(xs, wrong)).toBeGreaterThan(KS_CRITICAL / Math.sqrt(xs.length));
  });

  it('regularised incomplete gamma agrees with closed forms', () => {
    // P(1, x) = 1 - e^-x; P(2, x) = 1 - e^-x (1 + x)
    for (const x of [0.1, 1, 3, 10]) {
      expect(regularizedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
      expect(regularizedGammaP(2, x)).toBeCloseTo(1 - Math.exp(-x) * (1 + x), 12);
    }
  });
});

/** Upper ALPHA quantile of chi-square with df degrees of freedom (Wilson–Hilferty). */
function chiSquareCritical(df: number): number {
  const z = 3.0902; // one-sided normal quantile for ALPHA
  const h = 2 / (9 * df);
  return df * (1 - h + z * Math.sqrt(h)) ** 3;
}

function expectFrequencies(xs: number[], pmf: (k: number) => number, support: number[]): void {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  for (const x of counts.keys()) expect(support).toContain(x);
  let chi = 0;
  for (const k of support) {
    const expected = pmf(k) * xs.length;
    chi += ((counts.get(k) ?? 0) - expected) ** 2 / expected;
  }
  expect(chi).toBeLessThan(chiSquareCritical(support.length - 1));
}

describe('discrete distributions', () => {
  it('bernoulli', () => {
    const spec: DistributionSpec = { type: 'bernoulli', p: 0.3 };
    const xs = draw(spec);
    expectMomentsMatch(spec, xs);
    expectFrequencies(xs, (k) => (k === 1 ? 0.3 : 0.7), [0, 1]);
  });

  it('categorical returns indices in proportion to the weights, skipping zero weights', () => {
    const weights = [5, 0, 20, 40, 25, 10];
    const spec: DistributionSpec = { type: 'categorical', weights };
    const xs = draw(spec);
    expectMomentsMatch(spec, xs);
    expectFrequencies(xs, (k) => weights[k]! / 100, [0, 2, 3, 4, 5]);
  });

  it('empirical (discrete) draws observed values by their weights', () => {
    const spec: DistributionSpec = { type: 'empirical', values: [15, 30, 60], weights: [1, 2, 1] };
    const xs = draw(spec);
    expectMomentsMatch(spec, xs);
    expectFrequencies(xs, (v) => (v === 30 ? 0.5 : 0.25), [15, 30, 60]);
  });

  for (const mean of [3.5, 75]) {
    it(`poisson(${mean})`, () => {
      const spec: DistributionSpec = { type: 'poisson', mean };
      const xs = draw(spec);
      expectMomentsMatch(spec, xs);
      let logFact = 0;
      const pmf = new Map<number, number>();
      for (let k = 0; k < 400; k++) {
        if (k > 0) logFact += Math.log(k);
        pmf.set(k, Math.exp(-mean + k * Math.log(mean) - logFact));
      }
      // Pool the tails so every cell expects at least 5 (the chi-square rule of thumb).
      const cells = [...pmf.keys()].filter((k) => pmf.get(k)! * xs.length >= 5);
      const lo = cells[0]!;
      const hi = cells[cells.length - 1]!;
      const pooled = xs.map((x) => Math.min(hi, Math.max(lo, x)));
      const cellMass = (k: number): number => {
        if (k === lo) return [...pmf].filter(([j]) => j <= lo).reduce((s, [, p]) => s + p, 0);
        if (k === hi) return 1 - [...pmf].filter(([j]) => j < hi).reduce((s, [, p]) => s + p, 0);
        return pmf.get(k)!;
      };
      expectFrequencies(pooled, cellMass, cells);
    });
  }

  it('categorical refuses weights that sum to zero', () => {
    expect(() => categorical([0, 0])).toThrow(/weights/);
  });
});

describe('random streams', () => {
  it('depend only on (seed, name): adding a source does not shift another', () => {
    const a = createStream(7, 'arrivals');
    const first = Array.from({ length: 5 }, () => a.next());
    const other = createStream(7, 'a-new-source');
    other.next();
    const again = createStream(7, 'arrivals');
    expect(Array.from({ length: 5 }, () => again.next())).toEqual(first);
    expect(createStream(8, 'arrivals').next()).not.toBe(first[0]);
  });

  it('the first draws of streams named alike (one per replication) are independent uniforms', () => {
    const n = 2000;
    const first = Array.from({ length: n }, (_, i) => createStream(1, `arrivals:patient#${i + 1}`).next());
    expect(ksStatistic(first, (x) => x)).toBeLessThan(KS_CRITICAL / Math.sqrt(n));
    // Replications 1, 2, 3 of one source: Alea alone makes the steps x2 - x1 and x3 - x2 equal (evenly
    // spaced first draws); independent streams make the difference of the steps uniform on [0, 1).
    const m = 500;
    const stepChange = Array.from({ length: m }, (_, seed) => {
      const [x1, x2, x3] = [1, 2, 3].map((rep) => createStream(seed, `arrivals:patient#${rep}`).next()) as [number, number, number];
      const mod = (v: number): number => v - Math.floor(v);
      return mod(mod(x3 - x2) - mod(x2 - x1));
    });
    expect(ksStatistic(stepChange, (x) => x)).toBeLessThan(KS_CRITICAL / Math.sqrt(m));
  });

  it('streams with different names are uncorrelated', () => {
    const a = createStream(1, 'x');
    const b = createStream(1, 'y');
    const n = 50_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (a.next() - 0.5) * (b.next() - 0.5);
    const correlation = sum / n / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThan(Z / Math.sqrt(n));
  });
});
