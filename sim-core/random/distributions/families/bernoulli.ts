import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';

type Spec = { type: 'bernoulli'; p: number };

/** 1 with probability p, else 0. */
export function bernoulli(p: number): Distribution {
  return { sample: (rng) => (rng.next() < p ? 1 : 0), mean: p, variance: p * (1 - p) };
}

export const bernoulliFamily: DistributionFamily<Spec> = {
  make: (s) => bernoulli(s.p),
  mean: (s) => s.p,
  remaining: (_s, _d, _rng, t) => (t < 1 ? 1 - t : 0),
};
