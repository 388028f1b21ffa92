import type { DistributionSpec } from './spec.js';
import { normalCdf } from './normal-sampler.js';
import { logGamma } from './special-functions.js';

/**
 * The incomplete gamma at (a, x), x > 0, as Numerical Recipes §6.2 computes it:
 * below a + 1 the series gives P(a, x); above, Lentz's continued fraction gives
 * ln Q(a, x) = ln(1 − P), kept on the log scale so far tails do not underflow.
 */
function incompleteGamma(a: number, x: number): { p: number } | { logQ: number } {
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return { p: Math.min(1, sum * Math.exp(logPrefix)) };
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return { logQ: logPrefix + Math.log(h) };
}

/** Regularised lower incomplete gamma P(a, x). */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const g = incompleteGamma(a, x);
  return 'p' in g ? g.p : 1 - Math.exp(g.logQ);
}

/** ln Q(a, x), the log of the regularised upper incomplete gamma 1 − P(a, x), accurate far into the tail. */
export function logRegularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 0;
  const g = incompleteGamma(a, x);
  return 'p' in g ? Math.log1p(-g.p) : g.logQ;
}

/**
 * The cumulative distribution function of a continuous spec, for goodness-of-fit
 * statistics (Kolmogorov–Smirnov, Anderson–Darling) in tests and calibration.
 * Discrete specs return null: compare those by chi-square on their frequencies.
 */
export function continuousCdf(spec: DistributionSpec): ((x: number) => number) | null {
  switch (spec.type) {
    case 'uniform':
      return (x) => Math.min(1, Math.max(0, (x - spec.min) / (spec.max - spec.min)));
    case 'triangular': {
      const { min, mode, max } = spec;
      return (x) => {
        if (x <= min) return 0;
        if (x >= max) return 1;
        if (x <= mode) return ((x - min) * (x - min)) / ((max - min) * (mode - min));
        return 1 - ((max - x) * (max - x)) / ((max - min) * (max - mode));
      };
    }
    case 'exponential':
      return (x) => (x <= 0 ? 0 : 1 - Math.exp(-x / spec.mean));
    case 'erlang':
      return (x) => regularizedGammaP(spec.k, (x * spec.k) / spec.mean);
    case 'gamma':
      return (x) => regularizedGammaP(spec.shape, x / spec.scale);
    case 'lognormal': {
      const sigma2 = Math.log(1 + (spec.sd * spec.sd) / (spec.mean * spec.mean));
      const mu = Math.log(spec.mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma));
    }
    case 'weibull':
      return (x) => (x <= 0 ? 0 : 1 - Math.exp(-Math.pow(x / spec.scale, spec.shape)));
    case 'truncatedNormal': {
      const fa = spec.min === undefined ? 0 : normalCdf((spec.min - spec.mean) / spec.sd);
      const fb = spec.max === undefined ? 1 : normalCdf((spec.max - spec.mean) / spec.sd);
      return (x) => {
        if (spec.min !== undefined && x <= spec.min) return 0;
        if (spec.max !== undefined && x >= spec.max) return 1;
        return (normalCdf((x - spec.mean) / spec.sd) - fa) / (fb - fa);
      };
    }
    case 'empiricalContinuous': {
      const sorted = [...spec.values].sort((a, b) => a - b);
      const n = sorted.length;
      return (x) => {
        if (x <= sorted[0]!) return 0;
        if (x >= sorted[n - 1]!) return 1;
        let lo = 0;
        let hi = n - 1;
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          if (sorted[mid]! <= x) lo = mid;
          else hi = mid;
        }
        const a = sorted[lo]!;
        const b = sorted[hi]!;
        return (lo + (b > a ? (x - a) / (b - a) : 1)) / (n - 1);
      };
    }
    default:
      return null;
  }
}
