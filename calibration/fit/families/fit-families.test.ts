/**
 * Each fitting family says the same as the kernel about the distribution it
 * writes into the scenario: its mean is the kernel family's mean of its
 * scenario form, its CDF the kernel's CDF, and its quantile inverts its CDF.
 */
import { describe, expect, it } from 'vitest';
import { continuousCdf, distributionMean } from '../../../sim-core/index.js';
import { FAMILIES, FIT_FAMILIES } from '../families.js';

const PARAMETERS: Record<(typeof FAMILIES)[number], number[][]> = {
  exponential: [[42]],
  gamma: [
    [0.6, 30],
    [4, 2.5],
  ],
  lognormal: [
    [3, 0.8],
    [8.2, 0.4],
  ],
  weibull: [
    [0.8, 100],
    [2.5, 7],
  ],
};

describe('the fitting families', () => {
  for (const family of FAMILIES) {
    for (const p of PARAMETERS[family]) {
      it(`${family} ${JSON.stringify(p)}: mean and CDF as the kernel's, quantile inverts the CDF`, () => {
        const fit = FIT_FAMILIES[family];
        const spec = fit.toSpec(p);
        expect(fit.mean(p)).toBeCloseTo(distributionMean(spec), 6);
        const kernelCdf = continuousCdf(spec)!;
        for (const q of [0.1, 0.5, 0.9]) {
          const x = fit.quantile(p, q);
          expect(fit.cdf(p, x)).toBeCloseTo(q, 6);
          // The kernel's normal CDF is good to 1.5e-7 (Abramowitz–Stegun).
          expect(kernelCdf(x)).toBeCloseTo(q, 5);
        }
      });
    }
  }
});
