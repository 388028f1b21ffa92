import type { Distribution } from '../distribution.js';

/** 1 with probability p, else 0. */
export function bernoulli(p: number): Distribution {
  return { sample: (rng) => (rng.next() < p ? 1 : 0), mean: p, variance: p * (1 - p) };
}

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

/** One of `values`, with probability proportional to `weights` (equal if omitted): data as observed. */
export function empiricalDiscrete(values: readonly number[], weights?: readonly number[]): Distribution {
  const w = weights ?? values.map(() => 1);
  const index = categorical(w);
  const total = w.reduce((s, x) => s + x, 0);
  const mean = values.reduce((s, v, i) => s + (v * w[i]!) / total, 0);
  const second = values.reduce((s, v, i) => s + (v * v * w[i]!) / total, 0);
  return { sample: (rng) => values[index.sample(rng)]!, mean, variance: second - mean * mean };
}

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

/** Poisson counts with the given mean (Knuth's product method, in chunks of mean at most 30). */
export function poisson(mean: number): Distribution {
  return {
    sample(rng) {
      // Split large means into chunks of at most 30 (a sum of Poissons is Poisson),
      // so the product of uniforms never underflows and cost stays O(mean).
      let remaining = mean;
      let count = 0;
      while (remaining > 0) {
        const chunk = Math.min(remaining, 30);
        remaining -= chunk;
        const limit = Math.exp(-chunk);
        let product = rng.next();
        while (product > limit) {
          count++;
          product *= rng.next();
        }
      }
      return count;
    },
    mean,
    variance: mean,
  };
}
