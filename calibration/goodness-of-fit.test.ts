import { describe, expect, it } from 'vitest';
import { continuousCdf, createStream, makeDistribution } from '../sim-core/index.js';
import { andersonDarling, andersonDarlingCdf, kaplanMeier, kolmogorovPValue, kolmogorovSmirnov } from './fit/goodness-of-fit.js';
import { chiSquareQuantile, chiSquareTail, poissonInterval, wilsonInterval } from './fit/intervals.js';

const uniformCdf = (x: number): number => Math.min(1, Math.max(0, x));

describe('Kolmogorov–Smirnov', () => {
  it('D on a hand-checked sample', () => {
    // [0.1, 0.5, 0.9] against U(0,1): max(1/3 − 0.1, 0.9 − 2/3) = 0.2333.
    expect(kolmogorovSmirnov([0.9, 0.1, 0.5], uniformCdf).statistic).toBeCloseTo(0.23333333, 8);
  });

  it('the p-value of the classic 5% critical value is 5%', () => {
    // Kolmogorov's limit: P(√n·D > 1.3581) = 0.05; with n large Stephens' correction vanishes.
    expect(kolmogorovPValue(1.3581 / Math.sqrt(1e6), 1e6)).toBeCloseTo(0.05, 3);
  });

  it('accepts the distribution a sample came from and rejects a wrong one', () => {
    const rng = createStream(1, 'ks');
    const spec = { type: 'gamma', shape: 2, scale: 15 } as const;
    const d = makeDistribution(spec);
    const x = Array.from({ length: 1000 }, () => d.sample(rng));
    expect(kolmogorovSmirnov(x, continuousCdf(spec)!).pValue).toBeGreaterThan(0.01);
    expect(kolmogorovSmirnov(x, continuousCdf({ type: 'exponential', mean: 30 })!).pValue).toBeLessThan(0.001);
  });
});

describe('Anderson–Darling', () => {
  it('the asymptotic distribution gives the classic critical values', () => {
    // Case 0 (all parameters known): 2.492 at 5%, 3.857 at 1% (Stephens 1974).
    expect(1 - andersonDarlingCdf(2.492)).toBeCloseTo(0.05, 3);
    expect(1 - andersonDarlingCdf(3.857)).toBeCloseTo(0.01, 3);
  });

  it('A² on a hand-checked sample', () => {
    // [0.1, 0.5, 0.9] against U(0,1): −3 − (1/3)[ln .1 + ln .1 + 3(ln .5 + ln .5) + 5(ln .9 + ln .9)] = 0.5468.
    const expected = -3 - (2 * Math.log(0.1) + 6 * Math.log(0.5) + 10 * Math.log(0.9)) / 3;
    expect(andersonDarling([0.1, 0.5, 0.9], uniformCdf)!.statistic).toBeCloseTo(expected, 10);
  });

  it('is more sensitive in the tails than KS: a lognormal sample against a gamma of the same mean and sd', () => {
    const rng = createStream(1, 'ad');
    const d = makeDistribution({ type: 'lognormal', mean: 100, sd: 100 });
    const x = Array.from({ length: 500 }, () => d.sample(rng));
    const wrong = continuousCdf({ type: 'gamma', shape: 1, scale: 100 })!;
    expect(andersonDarling(x, wrong)!.pValue).toBeLessThan(0.01);
    expect(andersonDarling(x, continuousCdf({ type: 'lognormal', mean: 100, sd: 100 })!)!.pValue).toBeGreaterThan(0.01);
  });
});

describe('Kaplan–Meier', () => {
  it('matches the textbook example', () => {
    // Times 1, 2+, 3, 4+, 5: S(1) = 4/5, S(3) = 4/5 · 2/3, S(5) = 0.
    const km = kaplanMeier([1, 2, 3, 4, 5], [false, true, false, true, false]);
    expect(km.times).toEqual([1, 3, 5]);
    expect(km.cdf[0]).toBeCloseTo(0.2, 12);
    expect(km.cdf[1]).toBeCloseTo(1 - (4 / 5) * (2 / 3), 12);
    expect(km.cdf[2]).toBeCloseTo(1, 12);
  });
});

describe('intervals', () => {
  it('chi-square tail and quantile agree with the tables', () => {
    expect(chiSquareTail(3.841458820694124, 1)).toBeCloseTo(0.05, 8);
    expect(chiSquareQuantile(0.95, 2)).toBeCloseTo(5.991464547107979, 6);
    expect(chiSquareQuantile(0.975, 23)).toBeCloseTo(38.0756, 3);
  });

  it('Garwood and Wilson intervals agree with the tables', () => {
    // Garwood: k = 10 → [4.795, 18.390]; Wilson: 30 of 100 → [0.2189, 0.3958].
    const [lo, hi] = poissonInterval(10);
    expect(lo).toBeCloseTo(4.7954, 3);
    expect(hi).toBeCloseTo(18.3904, 3);
    const [a, b] = wilsonInterval(30, 100);
    expect(a).toBeCloseTo(0.2189, 3);
    expect(b).toBeCloseTo(0.3958, 3);
  });
});
