import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/**
 * A standard normal draw by the Box–Muller transform, one pair per call with the
 * second discarded. Keeping no cached half-pair means a stream's state is only its
 * generator, so a replay from the same seed cannot depend on an earlier call's parity.
 */
export function standardNormal(rng: RandomStream): number {
  const u1 = 1 - rng.nextDouble(); // (0, 1]: log is finite
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 via erf, error < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Standard normal density. */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Normal with mean and standard deviation (may be negative: prefer truncatedNormal for durations). */
export function normal(mean: number, sd: number): Distribution {
  return { sample: (rng) => mean + sd * standardNormal(rng), mean, variance: sd * sd };
}
