import { familyOf } from './families/index.js';
import type { DistributionSpec } from './spec.js';

export { logRegularizedGammaQ, regularizedGammaP } from './incomplete-gamma.js';

/**
 * The cumulative distribution function of a continuous spec, for goodness-of-fit
 * statistics (Kolmogorov–Smirnov, Anderson–Darling) in tests and calibration.
 * Discrete specs return null: compare those by chi-square on their frequencies.
 */
export function continuousCdf(spec: DistributionSpec): ((x: number) => number) | null {
  return familyOf(spec).cdf?.(spec) ?? null;
}
