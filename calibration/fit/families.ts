/**
 * The four parametric families a duration is fitted with, one line each: their
 * log density, log survival (for right-censored values), CDF, mean and scenario
 * form live in families/<family>.ts. Parameters: exponential [mean]; gamma
 * [shape, scale]; lognormal [μ, σ] of ln x; Weibull [shape, scale].
 */
import { exponentialFit } from './families/exponential.js';
import { gammaFit } from './families/gamma.js';
import { lognormalFit } from './families/lognormal.js';
import { weibullFit } from './families/weibull.js';

export const FIT_FAMILIES = { exponential: exponentialFit, gamma: gammaFit, lognormal: lognormalFit, weibull: weibullFit } as const;

export type Family = keyof typeof FIT_FAMILIES;
export const FAMILIES = Object.keys(FIT_FAMILIES) as readonly Family[];

/** The scenario's distribution document for a family and parameters. */
export type FittedSpec = ReturnType<(typeof FIT_FAMILIES)[Family]['toSpec']>;

export function logDensity(family: Family, p: readonly number[], x: number): number {
  return FIT_FAMILIES[family].logDensity(p, x);
}

/** ln P(X > x). */
export function logSurvival(family: Family, p: readonly number[], x: number): number {
  return FIT_FAMILIES[family].logSurvival(p, x);
}

export function cdf(family: Family, p: readonly number[], x: number): number {
  if (x <= 0) return 0;
  return FIT_FAMILIES[family].cdf(p, x);
}

export function mean(family: Family, p: readonly number[]): number {
  return FIT_FAMILIES[family].mean(p);
}

export function toSpec(family: Family, p: readonly number[]): FittedSpec {
  return FIT_FAMILIES[family].toSpec(p);
}

export function parameterCount(family: Family): number {
  return FIT_FAMILIES[family].parameters;
}

/** Unconstrained coordinates for optimisation: logs of positive parameters (μ of the lognormal as it is). */
export function toFree(family: Family, p: readonly number[]): number[] {
  return FIT_FAMILIES[family].toFree(p);
}

export function fromFree(family: Family, t: readonly number[]): number[] {
  return FIT_FAMILIES[family].fromFree(t);
}

/** Σ ln f(x) over observed values + Σ ln S(c) over right-censored ones. */
export function logLikelihood(family: Family, p: readonly number[], values: readonly number[], censored: readonly boolean[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += censored[i] ? logSurvival(family, p, values[i]!) : logDensity(family, p, values[i]!);
  }
  return sum;
}

/** Standard deviation of the family with these parameters (Infinity where it overflows). */
export function standardDeviation(family: Family, p: readonly number[]): number {
  return FIT_FAMILIES[family].standardDeviation(p);
}

/** The q-quantile (0 < q < 1): closed form but for the gamma, found by bisection on its CDF. */
export function quantileOf(family: Family, p: readonly number[], q: number): number {
  return FIT_FAMILIES[family].quantile(p, q);
}
