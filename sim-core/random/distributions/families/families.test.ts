/**
 * Each family of the kernel's table, checked on its own: its mean against the
 * mean of a large sample, within Z standard errors of that sample (Z for a
 * two-sided test at level 0.001, with a fixed seed); and the sampler it makes
 * reports the same mean. A family added to the table without cases here does
 * not compile (CASES is keyed by every spec type).
 */
import { describe, expect, it } from 'vitest';
import { createStream } from '../../stream.js';
import type { DistributionSpec } from '../spec.js';
import { makeDistribution } from '../spec.js';
import { DISTRIBUTION_FAMILIES, distributionMean, familyOf } from './index.js';

const Z = 3.2905;
const N = 200_000;

type Cases = { [T in DistributionSpec['type']]: Extract<DistributionSpec, { type: T }>[] };

const CASES: Cases = {
  constant: [{ type: 'constant', value: 17 }],
  uniform: [{ type: 'uniform', min: 5, max: 45 }],
  triangular: [
    { type: 'triangular', min: 10, mode: 20, max: 60 },
    { type: 'triangular', min: 0, mode: 0, max: 30 },
  ],
  exponential: [{ type: 'exponential', mean: 12 }],
  erlang: [{ type: 'erlang', k: 3, mean: 90 }],
  gamma: [
    { type: 'gamma', shape: 0.5, scale: 40 },
    { type: 'gamma', shape: 4, scale: 2.5 },
  ],
  lognormal: [{ type: 'lognormal', mean: 4320, sd: 3000 }],
  weibull: [
    { type: 'weibull', shape: 0.7, scale: 100 },
    { type: 'weibull', shape: 2, scale: 10 },
  ],
  truncatedNormal: [
    { type: 'truncatedNormal', mean: 30, sd: 10, min: 25 },
    { type: 'truncatedNormal', mean: 5, sd: 10, min: 0, max: 12 },
    // Kept mass below 5%: the inverse-CDF branch.
    { type: 'truncatedNormal', mean: 0, sd: 1, min: 2 },
  ],
  empirical: [
    { type: 'empirical', values: [10, 20, 45] },
    { type: 'empirical', values: [10, 20, 45], weights: [1, 0, 3] },
  ],
  empiricalContinuous: [{ type: 'empiricalContinuous', values: [3, 8, 8, 20, 55] }],
  bernoulli: [{ type: 'bernoulli', p: 0.3 }],
  poisson: [
    { type: 'poisson', mean: 2.5 },
    { type: 'poisson', mean: 75 },
  ],
  categorical: [{ type: 'categorical', weights: [0.2, 0, 0.5, 0.3] }],
};

function sampleMean(spec: DistributionSpec): { mean: number; standardError: number } {
  // A truncated normal far in its tail inverts its CDF by bisection, 80 steps a draw: a smaller sample.
  const n = continuousTail(spec) ? N / 10 : N;
  const rng = createStream(20261207, `family:${JSON.stringify(spec)}`);
  const d = makeDistribution(spec);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = d.sample(rng);
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  return { mean, standardError: Math.sqrt(variance / n) };
}

function continuousTail(spec: DistributionSpec): boolean {
  return spec.type === 'truncatedNormal' && spec.min !== undefined && spec.min - spec.mean > 1.5 * spec.sd;
}

describe('the kernel distribution table', () => {
  it('has cases for every family it lists', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(DISTRIBUTION_FAMILIES).sort());
  });

  for (const [type, specs] of Object.entries(CASES) as [DistributionSpec['type'], DistributionSpec[]][]) {
    describe(type, () => {
      for (const spec of specs) {
        it(`mean of ${JSON.stringify(spec)} agrees with a large sample`, () => {
          const theory = distributionMean(spec);
          const { mean, standardError } = sampleMean(spec);
          expect(Math.abs(mean - theory)).toBeLessThanOrEqual(Z * standardError + 1e-9 * Math.abs(theory));
          // The sampler says the same mean as its family.
          expect(makeDistribution(spec).mean).toBeCloseTo(theory, 9);
        });
      }
      it('is the family its specs are looked up by', () => {
        expect(familyOf(specs[0]!)).toBe(DISTRIBUTION_FAMILIES[type]);
      });
    });
  }

  it('gives the textbook means where they are known in closed form', () => {
    expect(distributionMean({ type: 'weibull', shape: 2, scale: 10 })).toBeCloseTo((10 * Math.sqrt(Math.PI)) / 2, 10);
    expect(distributionMean({ type: 'gamma', shape: 4, scale: 2.5 })).toBe(10);
    // A normal cut at its own mean: μ + σ √(2/π).
    expect(distributionMean({ type: 'truncatedNormal', mean: 30, sd: 10, min: 30 })).toBeCloseTo(30 + 10 * Math.sqrt(2 / Math.PI), 5);
    expect(distributionMean({ type: 'empirical', values: [10, 20, 45], weights: [1, 0, 3] })).toBeCloseTo(36.25, 12);
    expect(distributionMean({ type: 'categorical', weights: [0.2, 0, 0.5, 0.3] })).toBeCloseTo(1.9, 12);
  });
});
