import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';
import { logRegularizedGammaQ, regularizedGammaP } from './cdf.js';
import { specOf, type DistributionSpec } from './spec.js';
import { logGamma } from './special-functions.js';
import { invertLogSurvival } from './tail-inverse.js';
import { truncatedStandardNormal } from './truncated-standard-normal.js';

/**
 * The rest of a duration X that has already lasted `elapsed` minutes: a draw
 * of X − elapsed given X > elapsed (Oakley et al. 2019, who re-start a ward
 * simulation each day from its inpatients). A patient 5 days into a stay draws
 * the rest of it from the stay distribution conditioned on exceeding 5 days.
 *
 * Exact for every family: the exponential forgets (a fresh draw); Weibull,
 * uniform, triangular and the piecewise-linear empirical invert their CDF
 * truncated at `elapsed`; the lognormal and truncated normal draw a normal
 * truncated below (Robert 1995); gamma and Erlang reject draws not above
 * `elapsed` while at least a quarter of the mass lies above, and beyond that
 * invert the survival function numerically; discrete families draw among the
 * values above `elapsed`, with their weights.
 *
 * `elapsed` <= 0 is a step just begun: an ordinary draw. A patient who has
 * already outlasted every value the distribution can take (a constant, an
 * empirical list, a bounded family) has 0 left: the step ends at once.
 */
export function remainingDuration(d: Distribution, rng: RandomStream, elapsed: number): number {
  if (!(elapsed > 0)) return d.sample(rng);
  const spec = specOf(d);
  if (spec === undefined) return byRejection(d, rng, elapsed);
  return Math.max(0, conditionalDraw(spec, d, rng, elapsed));
}

/** Draws of X until one exceeds t: exact, used only where that is likely. */
function byRejection(d: Distribution, rng: RandomStream, t: number): number {
  // A sampler built by hand (no spec): exact while the tail has mass; a patient
  // beyond anything it draws in 100,000 tries is taken to have nothing left.
  for (let i = 0; i < 100_000; i++) {
    const x = d.sample(rng);
    if (x > t) return x - t;
  }
  return 0;
}

function conditionalDraw(spec: DistributionSpec, d: Distribution, rng: RandomStream, t: number): number {
  switch (spec.type) {
    case 'constant':
      return spec.value - t;
    case 'uniform': {
      if (t < spec.min) return d.sample(rng) - t;
      if (t >= spec.max) return 0;
      return (spec.max - t) * rng.nextDouble();
    }
    case 'triangular':
      return triangularTail(spec.min, spec.mode, spec.max, rng, t);
    case 'exponential':
      return d.sample(rng); // memoryless
    case 'erlang':
      return gammaTail(spec.k, spec.mean / spec.k, d, rng, t);
    case 'gamma':
      return gammaTail(spec.shape, spec.scale, d, rng, t);
    case 'lognormal': {
      const sigma2 = Math.log(1 + (spec.sd * spec.sd) / (spec.mean * spec.mean));
      const mu = Math.log(spec.mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      const z = truncatedStandardNormal(rng, (Math.log(t) - mu) / sigma, Infinity);
      return Math.exp(mu + sigma * z) - t;
    }
    case 'weibull': {
      // S(x) = exp(−(x/λ)^k), so (X/λ)^k given X > t is (t/λ)^k plus a unit exponential.
      const h = Math.pow(t / spec.scale, spec.shape) - Math.log(1 - rng.nextDouble());
      return spec.scale * Math.pow(h, 1 / spec.shape) - t;
    }
    case 'truncatedNormal': {
      const lower = Math.max(spec.min ?? -Infinity, t);
      const upper = spec.max ?? Infinity;
      if (lower >= upper) return 0;
      const z = truncatedStandardNormal(rng, (lower - spec.mean) / spec.sd, (upper - spec.mean) / spec.sd);
      return Math.min(upper, Math.max(lower, spec.mean + spec.sd * z)) - t;
    }
    case 'empirical':
      return discreteTail(spec.values, spec.weights, rng, t);
    case 'empiricalContinuous':
      return empiricalContinuousTail(spec, rng, t);
    case 'bernoulli':
      return t < 1 ? 1 - t : 0;
    case 'categorical':
      return discreteTail(
        spec.weights.map((_, i) => i),
        spec.weights,
        rng,
        t,
      );
    case 'poisson':
      return poissonTail(spec.mean, rng, t);
  }
}

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

/** Gamma(shape, scale) given X > t: rejection while S(t) >= 1/4, else Newton on ln Q. */
function gammaTail(shape: number, scale: number, d: Distribution, rng: RandomStream, t: number): number {
  const logSurvival = (x: number): number => logRegularizedGammaQ(shape, x / scale);
  const logSt = logSurvival(t);
  if (logSt >= Math.log(0.25)) {
    for (;;) {
      const x = d.sample(rng);
      if (x > t) return x - t;
    }
  }
  const logNorm = logGamma(shape) + shape * Math.log(scale);
  const logDensity = (x: number): number => (shape - 1) * Math.log(x) - x / scale - logNorm;
  const target = logSt + Math.log(1 - rng.nextDouble());
  return invertLogSurvival(logSurvival, logDensity, t, target, scale * Math.sqrt(shape)) - t;
}

/** One of the values above t, with probability proportional to its weight. */
function discreteTail(values: readonly number[], weights: readonly number[] | undefined, rng: RandomStream, t: number): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > t) total += weights?.[i] ?? 1;
  if (!(total > 0)) return 0;
  let u = rng.nextDouble() * total;
  let last = t;
  for (let i = 0; i < values.length; i++) {
    if (!(values[i]! > t)) continue;
    last = values[i]!;
    u -= weights?.[i] ?? 1;
    if (u < 0) break;
  }
  return last - t;
}

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

/** A Poisson count given it exceeds t: inverse of the tail pmf from the first integer above t. */
function poissonTail(mean: number, rng: RandomStream, t: number): number {
  const first = Math.floor(t) + 1;
  const tail = regularizedGammaP(first, mean); // P(X >= first)
  if (!(tail > 0)) return 0;
  let k = first;
  let p = Math.exp(-mean + k * Math.log(mean) - logGamma(k + 1));
  let u = rng.nextDouble() * tail;
  while (u > p && p > 0) {
    u -= p;
    k++;
    p *= mean / k;
  }
  return k - t;
}
