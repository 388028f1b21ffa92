/**
 * What one parametric family a duration is fitted with knows about itself, in
 * its fitting parameters (p): its log density, log survival (right-censored
 * values), CDF, mean, spread, quantiles, free coordinates for the optimiser and
 * its scenario form. One module per family here, one line in ../families.ts.
 */
export interface FitFamily<Spec> {
  /** How many parameters it has. */
  readonly parameters: 1 | 2;
  logDensity(p: readonly number[], x: number): number;
  /** ln P(X > x). */
  logSurvival(p: readonly number[], x: number): number;
  /** P(X <= x), for x > 0. */
  cdf(p: readonly number[], x: number): number;
  mean(p: readonly number[]): number;
  /** Standard deviation (Infinity where it overflows). */
  standardDeviation(p: readonly number[]): number;
  /** The q-quantile, 0 < q < 1. */
  quantile(p: readonly number[], q: number): number;
  /** Unconstrained coordinates for optimisation, and back. */
  toFree(p: readonly number[]): number[];
  fromFree(t: readonly number[]): number[];
  /** The scenario's distribution document for these parameters. */
  toSpec(p: readonly number[]): Spec;
  /** The maximum-likelihood parameters for values (> 0), censored[i] marking values[i] "at least this long". */
  mle(values: readonly number[], censored: readonly boolean[]): number[];
  /** Whether `mle` ignores censoring, so that a fit with censored values maximises the likelihood from it (Nelder–Mead). */
  readonly censoredByLikelihood: boolean;
  /** An exact 95% interval for the mean, given the mean and the number observed; then its one parameter is the mean. Absent: the delta method. */
  exactMeanInterval?(mean: number, observed: number): [number, number];
}

/** Logs of positive parameters: the free coordinates of most families. */
export const logCoordinates = {
  toFree: (p: readonly number[]): number[] => p.map(Math.log),
  fromFree: (t: readonly number[]): number[] => t.map(Math.exp),
};
