import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';
import { logGamma } from '../special-functions.js';

type Spec = { type: 'weibull'; shape: number; scale: number };

/** Weibull with shape k and scale λ. */
export function weibull(shape: number, scale: number): Distribution {
  const g1 = Math.exp(logGamma(1 + 1 / shape));
  const g2 = Math.exp(logGamma(1 + 2 / shape));
  return {
    sample: (rng) => scale * Math.pow(-Math.log(1 - rng.nextDouble()), 1 / shape),
    mean: scale * g1,
    variance: scale * scale * (g2 - g1 * g1),
  };
}

export const weibullFamily: DistributionFamily<Spec> = {
  make: (s) => weibull(s.shape, s.scale),
  mean: (s) => s.scale * Math.exp(logGamma(1 + 1 / s.shape)),
  cdf: (s) => (x) => (x <= 0 ? 0 : 1 - Math.exp(-Math.pow(x / s.scale, s.shape))),
  remaining(s, _d, rng, t) {
    // S(x) = exp(−(x/λ)^k), so (X/λ)^k given X > t is (t/λ)^k plus a unit exponential.
    const h = Math.pow(t / s.scale, s.shape) - Math.log(1 - rng.nextDouble());
    return s.scale * Math.pow(h, 1 / s.shape) - t;
  },
};
