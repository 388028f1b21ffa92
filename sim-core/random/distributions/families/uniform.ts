import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';

type Spec = { type: 'uniform'; min: number; max: number };

/** Uniform on [min, max). */
export function uniform(min: number, max: number): Distribution {
  const width = max - min;
  return { sample: (rng) => min + width * rng.next(), mean: (min + max) / 2, variance: (width * width) / 12 };
}

export const uniformFamily: DistributionFamily<Spec> = {
  make: (s) => uniform(s.min, s.max),
  mean: (s) => (s.min + s.max) / 2,
  cdf: (s) => (x) => Math.min(1, Math.max(0, (x - s.min) / (s.max - s.min))),
  remaining(s, d, rng, t) {
    if (t < s.min) return d.sample(rng) - t;
    if (t >= s.max) return 0;
    return (s.max - t) * rng.nextDouble();
  },
};
