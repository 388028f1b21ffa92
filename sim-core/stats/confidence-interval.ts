/**
 * Confidence interval for a mean from independent observations (replications):
 * x̄ ± t_{1−α/2, n−1} · s/√n (Student 1908; Law, Simulation Modeling and Analysis, 5th ed., 4.5).
 * For common random numbers, the interval for the mean of paired differences a_i − b_i.
 */

import { studentTQuantile } from './student-t.js';

export interface ConfidenceInterval {
  /** Sample mean; NaN when n = 0. */
  readonly mean: number;
  /** t_{1−α/2, n−1} · sd/√n; NaN when n < 2 (one value says nothing about spread). */
  readonly halfWidth: number;
  /** mean − halfWidth. */
  readonly lo: number;
  /** mean + halfWidth. */
  readonly hi: number;
  /** Number of values. */
  readonly n: number;
  /** Sample standard deviation (n − 1); NaN when n < 2. */
  readonly sd: number;
}

/**
 * Student-t confidence interval for the mean of `values` at confidence `level`.
 * With n < 2, halfWidth, lo, hi and sd are NaN (mean is still given for n = 1).
 * @throws RangeError when a value is not finite or level is not in (0, 1).
 * @example meanConfidenceInterval([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]) // { mean: 3.9, halfWidth: 1.7668, ... }
 */
export function meanConfidenceInterval(values: ArrayLike<number>, level = 0.95): ConfidenceInterval {
  checkLevel(level, 'meanConfidenceInterval');
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) throw new RangeError(`meanConfidenceInterval: values[${i}] must be finite, got ${x}`);
    sum += x;
  }
  return intervalFrom(values, n, n === 0 ? Number.NaN : sum / n, level);
}

/**
 * Confidence interval for the mean of a_i − b_i, the way to compare two scenarios
 * run with common random numbers (replication i of both shares its seed).
 * @throws RangeError when the lengths differ, a value is not finite, or level is not in (0, 1).
 */
export function pairedDifferenceInterval(a: ArrayLike<number>, b: ArrayLike<number>, level = 0.95): ConfidenceInterval {
  checkLevel(level, 'pairedDifferenceInterval');
  if (a.length !== b.length) {
    throw new RangeError(`pairedDifferenceInterval: a and b must pair up, got ${a.length} and ${b.length} values`);
  }
  const differences = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (!Number.isFinite(d)) {
      throw new RangeError(`pairedDifferenceInterval: a[${i}] and b[${i}] must be finite, got ${a[i]} and ${b[i]}`);
    }
    differences[i] = d;
  }
  return meanConfidenceInterval(differences, level);
}

function intervalFrom(values: ArrayLike<number>, n: number, mean: number, level: number): ConfidenceInterval {
  if (n < 2) return { mean, halfWidth: Number.NaN, lo: Number.NaN, hi: Number.NaN, n, sd: Number.NaN };
  // Second pass around the mean: no cancellation, unlike Σx² − n x̄².
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    squares += d * d;
  }
  const sd = Math.sqrt(squares / (n - 1));
  const halfWidth = studentTQuantile((1 + level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { mean, halfWidth, lo: mean - halfWidth, hi: mean + halfWidth, n, sd };
}

function checkLevel(level: number, caller: string): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`${caller}: level must be in (0, 1), got ${level}`);
}
