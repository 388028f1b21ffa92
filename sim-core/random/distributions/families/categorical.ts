import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';
import { discreteTail } from './discrete-tail.js';

type Spec = { type: 'categorical'; weights: number[] };

/**
 * An index 0..n-1 drawn with probability proportional to `weights` (an acuity mix,
 * a routing choice). Uses a cumulative table and binary search.
 */
export function categorical(weights: readonly number[]): Distribution {
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0)) throw new Error('categorical: weights must sum to more than 0');
  const cumulative = new Float64Array(weights.length);
  let run = 0;
  weights.forEach((w, i) => {
    run += w;
    cumulative[i] = run / total;
  });
  let mean = 0;
  let second = 0;
  weights.forEach((w, i) => {
    mean += (i * w) / total;
    second += (i * i * w) / total;
  });
  const last = weights.length - 1;
  return {
    sample(rng) {
      const u = rng.next();
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > u) hi = mid;
        else lo = mid + 1;
      }
      // Skip zero-weight categories that share a cumulative value with their neighbour.
      while (lo < last && weights[lo] === 0) lo++;
      return lo;
    },
    mean,
    variance: second - mean * mean,
  };
}

export const categoricalFamily: DistributionFamily<Spec> = {
  make: (s) => categorical(s.weights),
  mean: (s) => categorical(s.weights).mean,
  remaining: (s, _d, rng, t) =>
    discreteTail(
      s.weights.map((_, i) => i),
      s.weights,
      rng,
      t,
    ),
};
