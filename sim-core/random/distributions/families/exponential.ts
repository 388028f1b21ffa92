import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';

type Spec = { type: 'exponential'; mean: number };

/** Exponential with the given mean (not rate: hospitals report means). */
export function exponential(mean: number): Distribution {
  return { sample: (rng) => -mean * Math.log(1 - rng.next()), mean, variance: mean * mean };
}

export const exponentialFamily: DistributionFamily<Spec> = {
  make: (s) => exponential(s.mean),
  mean: (s) => s.mean,
  cdf: (s) => (x) => (x <= 0 ? 0 : 1 - Math.exp(-x / s.mean)),
  remaining: (_s, d, rng) => d.sample(rng), // memoryless
};
