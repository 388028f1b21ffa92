/**
 * Each distribution of the scenario table, checked on its own: its schema takes
 * the cases; scaled by a factor (days to minutes), its mean is the factor times
 * the mean, and where it keeps its family its draws are the factor times the
 * draws on the same stream; one said to draw only positive values does; and as a
 * duration, only a truncated normal without a lower bound of 0 or more is refused.
 */
import { describe, expect, it } from 'vitest';
import { createStream, DISTRIBUTION_FAMILIES, makeDistribution, type DistributionSpec } from '../../sim-core/index.js';
import type { DistributionInput } from '../schema/distribution.js';
import { alwaysPositive, checkNonNegativeSupport, distributionMean, DistributionSchema, scaleDistribution, SCENARIO_DISTRIBUTIONS } from './index.js';

type Cases = { [T in DistributionInput['type']]: Extract<DistributionInput, { type: T }>[] };

const CASES: Cases = {
  constant: [
    { type: 'constant', value: 2 },
    { type: 'constant', value: 0 },
  ],
  uniform: [
    { type: 'uniform', min: 0, max: 3 },
    { type: 'uniform', min: 1, max: 2 },
  ],
  triangular: [{ type: 'triangular', min: 1, mode: 2, max: 6 }],
  exponential: [{ type: 'exponential', mean: 4 }],
  erlang: [{ type: 'erlang', k: 3, mean: 5 }],
  gamma: [{ type: 'gamma', shape: 2.5, scale: 1.5 }],
  lognormal: [{ type: 'lognormal', mean: 3, sd: 2 }],
  weibull: [{ type: 'weibull', shape: 1.5, scale: 4 }],
  truncatedNormal: [
    { type: 'truncatedNormal', mean: 3, sd: 1, min: 0.5, max: 6 },
    { type: 'truncatedNormal', mean: 3, sd: 1 },
  ],
  empirical: [{ type: 'empirical', values: [1, 2, 7], weights: [3, 1, 1] }],
  empiricalContinuous: [{ type: 'empiricalContinuous', values: [0.5, 1, 4, 9] }],
  bernoulli: [{ type: 'bernoulli', p: 0.25 }],
  poisson: [{ type: 'poisson', mean: 3.5 }],
};

const FACTOR = 1440;
const DRAWS = 20_000;

function draws(spec: DistributionSpec, name: string): number[] {
  const rng = createStream(7, name);
  const d = makeDistribution(spec);
  return Array.from({ length: DRAWS }, () => d.sample(rng));
}

describe('the scenario distribution table', () => {
  it('has cases for every distribution it lists, and each is a kernel family', () => {
    expect(Object.keys(CASES).sort()).toEqual(SCENARIO_DISTRIBUTIONS.map((d) => d.type).sort());
    for (const d of SCENARIO_DISTRIBUTIONS) expect(Object.keys(DISTRIBUTION_FAMILIES)).toContain(d.type);
  });

  for (const [type, cases] of Object.entries(CASES) as [string, DistributionInput[]][]) {
    describe(type, () => {
      for (const d of cases) {
        const name = JSON.stringify(d);
        it(`${name} is valid, and scaled by ${FACTOR} has ${FACTOR} times its mean`, () => {
          expect(DistributionSchema.parse(d)).toEqual(d);
          const scaled = scaleDistribution(d, FACTOR);
          expect(distributionMean(scaled)).toBeCloseTo(FACTOR * distributionMean(d), 6);
          // The scaled form is itself a valid scenario distribution (a count of days becomes a list of minutes).
          expect(DistributionSchema.safeParse(scaled).success).toBe(true);
        });

        it(`${name} scaled draws ${FACTOR} times the draws on the same stream, where it keeps its family`, () => {
          const scaled = scaleDistribution(d, FACTOR);
          const plain = draws(d as DistributionSpec, name);
          const big = draws(scaled, name);
          if (scaled.type === d.type) {
            big.forEach((x, i) => expect(Math.abs(x - FACTOR * plain[i]!)).toBeLessThanOrEqual(1e-9 * FACTOR * (1 + Math.abs(plain[i]!))));
          } else {
            // Another family (a Poisson or Bernoulli count as an empirical list): the same mean, within the sample's standard error.
            const mean = big.reduce((s, x) => s + x, 0) / DRAWS;
            const sd = Math.sqrt(big.reduce((s, x) => s + (x - mean) ** 2, 0) / (DRAWS - 1));
            expect(Math.abs(mean - FACTOR * distributionMean(d))).toBeLessThanOrEqual((3.2905 * sd) / Math.sqrt(DRAWS));
          }
        });

        it(`${name}: draws are all positive where the table says so`, () => {
          const lowest = Math.min(...draws(d as DistributionSpec, name));
          expect({ alwaysPositive: alwaysPositive(d), positive: lowest > 0 }).not.toEqual({ alwaysPositive: true, positive: false });
        });
      }
    });
  }

  it('says which draws are always positive', () => {
    const positive = (d: DistributionInput): boolean => alwaysPositive(d);
    expect(positive({ type: 'constant', value: 0 })).toBe(false);
    expect(positive({ type: 'uniform', min: 0, max: 3 })).toBe(false);
    expect(positive({ type: 'uniform', min: 1, max: 2 })).toBe(true);
    expect(positive({ type: 'truncatedNormal', mean: 3, sd: 1 })).toBe(false);
    expect(positive({ type: 'truncatedNormal', mean: 3, sd: 1, min: 0.5 })).toBe(true);
    expect(positive({ type: 'empirical', values: [0, 2] })).toBe(false);
    expect(positive({ type: 'poisson', mean: 3 })).toBe(false);
    expect(positive({ type: 'gamma', shape: 2, scale: 1 })).toBe(true);
  });

  it('refuses as a duration only a truncated normal that could draw below 0', () => {
    const problems: string[] = [];
    for (const cases of Object.values(CASES) as DistributionInput[][])
      for (const d of cases) checkNonNegativeSupport(d, `d.${d.type}`, (path, message) => problems.push(`${path}: ${message}`));
    expect(problems).toEqual(['d.truncatedNormal.min: must be set to 0 or more, since a duration cannot be negative']);
  });
});
