/**
 * The four parametric families a duration is fitted with: their log density,
 * log survival (for right-censored values), CDF, mean and scenario form.
 * Parameters: exponential [mean]; gamma [shape, scale]; lognormal [μ, σ] of ln x;
 * Weibull [shape, scale].
 */
import { logGamma, logRegularizedGammaQ, normalCdf, regularizedGammaP } from '../../sim-core/index.js';
import { logNormalSurvival } from './special.js';

export type Family = 'exponential' | 'gamma' | 'lognormal' | 'weibull';
export const FAMILIES: readonly Family[] = ['exponential', 'gamma', 'lognormal', 'weibull'];

/** The scenario's distribution document for a family and parameters. */
export type FittedSpec =
  | { type: 'exponential'; mean: number }
  | { type: 'gamma'; shape: number; scale: number }
  | { type: 'lognormal'; mean: number; sd: number }
  | { type: 'weibull'; shape: number; scale: number };

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

export function logDensity(family: Family, p: readonly number[], x: number): number {
  const [a, b] = p as [number, number];
  switch (family) {
    case 'exponential':
      return -Math.log(a) - x / a;
    case 'gamma':
      return (a - 1) * Math.log(x) - x / b - logGamma(a) - a * Math.log(b);
    case 'lognormal': {
      const z = (Math.log(x) - a) / b;
      return -Math.log(x) - Math.log(b) - LOG_SQRT_2PI - 0.5 * z * z;
    }
    case 'weibull':
      return Math.log(a / b) + (a - 1) * Math.log(x / b) - Math.pow(x / b, a);
  }
}

/** ln P(X > x). */
export function logSurvival(family: Family, p: readonly number[], x: number): number {
  const [a, b] = p as [number, number];
  switch (family) {
    case 'exponential':
      return -x / a;
    case 'gamma':
      return logRegularizedGammaQ(a, x / b);
    case 'lognormal':
      return logNormalSurvival((Math.log(x) - a) / b);
    case 'weibull':
      return -Math.pow(x / b, a);
  }
}

export function cdf(family: Family, p: readonly number[], x: number): number {
  if (x <= 0) return 0;
  const [a, b] = p as [number, number];
  switch (family) {
    case 'exponential':
      return 1 - Math.exp(-x / a);
    case 'gamma':
      return regularizedGammaP(a, x / b);
    case 'lognormal':
      return normalCdf((Math.log(x) - a) / b);
    case 'weibull':
      return 1 - Math.exp(-Math.pow(x / b, a));
  }
}

export function mean(family: Family, p: readonly number[]): number {
  const [a, b] = p as [number, number];
  switch (family) {
    case 'exponential':
      return a;
    case 'gamma':
      return a * b;
    case 'lognormal':
      return Math.exp(a + (b * b) / 2);
    case 'weibull':
      return b * Math.exp(logGamma(1 + 1 / a));
  }
}

export function toSpec(family: Family, p: readonly number[]): FittedSpec {
  const [a, b] = p as [number, number];
  switch (family) {
    case 'exponential':
      return { type: 'exponential', mean: a };
    case 'gamma':
      return { type: 'gamma', shape: a, scale: b };
    case 'lognormal': {
      const m = Math.exp(a + (b * b) / 2);
      return { type: 'lognormal', mean: m, sd: m * Math.sqrt(Math.expm1(b * b)) };
    }
    case 'weibull':
      return { type: 'weibull', shape: a, scale: b };
  }
}

export function parameterCount(family: Family): number {
  return family === 'exponential' ? 1 : 2;
}

/** Unconstrained coordinates for optimisation: logs of positive parameters (μ of the lognormal as it is). */
export function toFree(family: Family, p: readonly number[]): number[] {
  return family === 'lognormal' ? [p[0]!, Math.log(p[1]!)] : p.map(Math.log);
}

export function fromFree(family: Family, t: readonly number[]): number[] {
  return family === 'lognormal' ? [t[0]!, Math.exp(t[1]!)] : t.map(Math.exp);
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
  const [a, b] = p as [number, number];
  switch (family) {
    case 'exponential':
      return a;
    case 'gamma':
      return Math.sqrt(a) * b;
    case 'lognormal':
      return Math.exp(a + (b * b) / 2) * Math.sqrt(Math.expm1(b * b));
    case 'weibull': {
      const g1 = Math.exp(logGamma(1 + 1 / a));
      const g2 = Math.exp(logGamma(1 + 2 / a));
      return b * Math.sqrt(Math.max(0, g2 - g1 * g1));
    }
  }
}

/** The q-quantile (0 < q < 1): closed form but for the gamma, found by bisection on its CDF. */
export function quantileOf(family: Family, p: readonly number[], q: number): number {
  const [a, b] = p as [number, number];
  switch (family) {
    case 'exponential':
      return -a * Math.log1p(-q);
    case 'lognormal':
      return Math.exp(a + b * normalQuantile(q));
    case 'weibull':
      return b * Math.pow(-Math.log1p(-q), 1 / a);
    case 'gamma': {
      let lo = 0;
      let hi = Math.max(1e-12, a * b);
      for (let i = 0; i < 2000 && regularizedGammaP(a, hi / b) < q; i++) hi *= 2;
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (regularizedGammaP(a, mid / b) < q) lo = mid;
        else hi = mid;
        if (hi - lo < 1e-12 * hi) break;
      }
      return (lo + hi) / 2;
    }
  }
}

/** Φ⁻¹(q) by bisection on Φ (only a few quantiles are asked for, so speed does not matter). */
function normalQuantile(q: number): number {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
