import { expect } from 'vitest';
import { meanConfidenceInterval } from '../../sim-core/index.js';

/**
 * Confidence level of the validation checks. Each check holds the theory
 * against the replications' own Student-t interval; at 99.9% a correct kernel
 * fails one of the ~50 checks with probability about 5%, and the fixed seeds
 * make the outcome reproducible rather than flaky.
 */
export const VALIDATION_LEVEL = 0.999;

/** Runs `n` replications with seeds base+1..base+n and returns their results. */
export function replicate<T>(n: number, run: (seed: number) => T, base = 1000): T[] {
  return Array.from({ length: n }, (_, i) => run(base + i + 1));
}

/** Asserts that `theory` lies inside the replications' confidence interval for the mean of `values`. */
export function expectTheoryInInterval(values: readonly number[], theory: number, what: string): void {
  const ci = meanConfidenceInterval(values, VALIDATION_LEVEL);
  const message = `${what}: theory ${theory.toPrecision(6)} outside the ${VALIDATION_LEVEL * 100}% CI [${ci.lo.toPrecision(6)}, ${ci.hi.toPrecision(6)}] (mean ${ci.mean.toPrecision(6)}, n=${ci.n})`;
  expect(theory >= ci.lo && theory <= ci.hi, message).toBe(true);
  // An interval too wide to mean anything would pass any kernel: demand it be informative.
  expect(ci.halfWidth / Math.abs(theory), `${what}: CI half-width ${ci.halfWidth} is over 10% of ${theory}`).toBeLessThan(0.1);
}

/** Little's law: per replication L - lambda W; the interval of the differences must contain 0. */
export function expectLittlesLaw(runs: readonly { meanInSystem: number; arrivals: number; meanSojourn: number }[], horizon: number, what: string): void {
  const diffs = runs.map((r) => r.meanInSystem - (r.arrivals / horizon) * r.meanSojourn);
  const ci = meanConfidenceInterval(diffs, VALIDATION_LEVEL);
  const scale = runs.reduce((s, r) => s + r.meanInSystem, 0) / runs.length;
  expect(ci.lo <= 0 && ci.hi >= 0, `${what}: L - lambda W has CI [${ci.lo}, ${ci.hi}], excluding 0 (L ~ ${scale})`).toBe(true);
  expect(ci.halfWidth / scale, `${what}: Little's law check too loose`).toBeLessThan(0.05);
}
