import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';
import { normalCdf, standardNormal } from '../normal-sampler.js';
import { truncatedStandardNormal } from '../truncated-standard-normal.js';

type Spec = { type: 'lognormal'; mean: number; sd: number };

/** μ and σ of ln X, from the mean and sd of X. */
function logParameters(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/**
 * Lognormal given the mean and sd of the variable itself, as lengths of stay are
 * reported, not of its logarithm.
 */
export function lognormal(mean: number, sd: number): Distribution {
  const { mu, sigma } = logParameters(mean, sd);
  return { sample: (rng) => Math.exp(mu + sigma * standardNormal(rng)), mean, variance: sd * sd };
}

export const lognormalFamily: DistributionFamily<Spec> = {
  make: (s) => lognormal(s.mean, s.sd),
  mean: (s) => s.mean,
  cdf(s) {
    const { mu, sigma } = logParameters(s.mean, s.sd);
    return (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma));
  },
  remaining(s, _d, rng, t) {
    // ln X given X > t is a normal truncated below at ln t (Robert 1995).
    const { mu, sigma } = logParameters(s.mean, s.sd);
    const z = truncatedStandardNormal(rng, (Math.log(t) - mu) / sigma, Infinity);
    return Math.exp(mu + sigma * z) - t;
  },
};
