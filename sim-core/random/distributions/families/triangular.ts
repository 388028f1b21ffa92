import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';
import type { RandomStream } from '../../stream.js';

type Spec = { type: 'triangular'; min: number; mode: number; max: number };

/** Triangular with the given min, mode and max (the classic "three-point estimate"). */
export function triangular(min: number, mode: number, max: number): Distribution {
  const width = max - min;
  const split = width > 0 ? (mode - min) / width : 0;
  return {
    sample(rng) {
      const u = rng.next();
      return u < split ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
    },
    mean: (min + mode + max) / 3,
    variance: (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18,
  };
}

export const triangularFamily: DistributionFamily<Spec> = {
  make: (s) => triangular(s.min, s.mode, s.max),
  mean: (s) => (s.min + s.mode + s.max) / 3,
  cdf({ min, mode, max }) {
    return (x) => {
      if (x <= min) return 0;
      if (x >= max) return 1;
      if (x <= mode) return ((x - min) * (x - min)) / ((max - min) * (mode - min));
      return 1 - ((max - x) * (max - x)) / ((max - min) * (max - mode));
    };
  },
  remaining: (s, _d, rng, t) => triangularTail(s.min, s.mode, s.max, rng, t),
};

/** Inverse of the triangular CDF at p = F(t) + u (1 − F(t)). */
function triangularTail(min: number, mode: number, max: number, rng: RandomStream, t: number): number {
  if (t >= max) return 0;
  const width = max - min;
  const lowerMass = (x: number): number => ((x - min) * (x - min)) / (width * (mode - min));
  const upperTail = (x: number): number => ((max - x) * (max - x)) / (width * (max - mode));
  const survivalAtT = t <= min ? 1 : t <= mode ? 1 - lowerMass(t) : upperTail(t);
  const q = (1 - rng.nextDouble()) * survivalAtT; // survival to hit, in (0, S(t)]
  const upperMass = width > 0 ? (max - mode) / width : 1;
  const x = q <= upperMass ? max - Math.sqrt(q * width * (max - mode)) : min + Math.sqrt((1 - q) * width * (mode - min));
  return x - t;
}
