import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';
import type { RandomStream } from '../../stream.js';

type Spec = { type: 'empiricalContinuous'; values: number[] };

/**
 * The piecewise-linear interpolation of the empirical CDF of `values` (observed
 * durations), so draws fall between observations rather than only on them.
 */
export function empiricalContinuous(values: readonly number[]): Distribution {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n < 2) throw new Error('empiricalContinuous: needs at least 2 values');
  // Each segment [x_i, x_{i+1}] carries mass 1/(n-1), uniform within it.
  let mean = 0;
  let second = 0;
  for (let i = 0; i < n - 1; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    mean += (a + b) / 2 / (n - 1);
    second += (a * a + a * b + b * b) / 3 / (n - 1);
  }
  return {
    sample(rng) {
      const position = rng.nextDouble() * (n - 1);
      const i = Math.min(n - 2, Math.floor(position));
      const a = sorted[i]!;
      return a + (sorted[i + 1]! - a) * (position - i);
    },
    mean,
    variance: second - mean * mean,
  };
}

export const empiricalContinuousFamily: DistributionFamily<Spec> = {
  make: (s) => empiricalContinuous(s.values),
  mean: (s) => empiricalContinuous(s.values).mean,
  cdf(s) {
    const sorted = [...s.values].sort((a, b) => a - b);
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
  },
  remaining: (s, _d, rng, t) => empiricalContinuousTail(s, rng, t),
};

const sortedValues = new WeakMap<object, Float64Array>();

/** The piecewise-linear empirical CDF (as empiricalContinuous samples it) inverted above F(t). */
function empiricalContinuousTail(spec: { values: number[] }, rng: RandomStream, t: number): number {
  let sorted = sortedValues.get(spec);
  if (sorted === undefined) {
    sorted = Float64Array.from(spec.values).sort();
    sortedValues.set(spec, sorted);
  }
  const n = sorted.length;
  if (t >= sorted[n - 1]!) return 0;
  // Position of t on the (n − 1)-segment scale: F(t) × (n − 1).
  let from = 0;
  if (t > sorted[0]!) {
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= t) lo = mid;
      else hi = mid;
    }
    const a = sorted[lo]!;
    const b = sorted[hi]!;
    from = lo + (b > a ? (t - a) / (b - a) : 1);
  }
  const position = from + rng.nextDouble() * (n - 1 - from);
  const i = Math.min(n - 2, Math.floor(position));
  const a = sorted[i]!;
  return Math.max(t, a + (sorted[i + 1]! - a) * (position - i)) - t;
}
