/** Exponential, p = [mean]. */
import { chiSquareQuantile } from '../intervals.js';
import type { FitFamily } from './fit-family.js';
import { logCoordinates } from './fit-family.js';

export const exponentialFit: FitFamily<{ type: 'exponential'; mean: number }> = {
  parameters: 1,
  logDensity: ([a], x) => -Math.log(a!) - x / a!,
  logSurvival: ([a], x) => -x / a!,
  cdf: ([a], x) => 1 - Math.exp(-x / a!),
  mean: ([a]) => a!,
  standardDeviation: ([a]) => a!,
  quantile: ([a], q) => -a! * Math.log1p(-q),
  ...logCoordinates,
  toSpec: ([a]) => ({ type: 'exponential', mean: a! }),
  // Σx / r, r the number observed: exact with censoring too.
  mle(values, censored) {
    const observed = values.reduce((k, _, i) => k + (censored[i] === true ? 0 : 1), 0);
    return [values.reduce((s, x) => s + x, 0) / observed];
  },
  censoredByLikelihood: false,
  exactMeanInterval: (m, r) => exponentialMeanInterval(m, r),
};

/** 2r·x̄/μ is χ² with 2r degrees of freedom (exact without censoring, the usual approximation with it). */
function exponentialMeanInterval(m: number, r: number): [number, number] {
  return [(2 * r * m) / chiSquareQuantile(0.975, 2 * r), (2 * r * m) / chiSquareQuantile(0.025, 2 * r)];
}
