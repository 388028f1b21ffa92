/**
 * Confidence interval for μ_a − μ_b from two independent samples with unequal
 * variances (Welch 1947): (x̄_a − x̄_b) ± t_{1−α/2, ν} · √(s_a²/n_a + s_b²/n_b), with
 * Welch–Satterthwaite ν = (s_a²/n_a + s_b²/n_b)² / ((s_a²/n_a)²/(n_a−1) + (s_b²/n_b)²/(n_b−1)).
 * The comparison to use when two scenarios ran on different random numbers.
 */
import { meanConfidenceInterval, studentTQuantile } from '../../sim-core/index.js';

export interface WelchInterval {
  readonly mean: number;
  readonly halfWidth: number;
  readonly lo: number;
  readonly hi: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
}

/**
 * @throws RangeError when either sample has fewer than 2 values, a value is not finite, or level is not in (0, 1).
 * @example welchDifferenceInterval([1, 2, 3, 4, 5], [2, 4, 6, 8, 10, 12]) // mean −4, df ≈ 6.972, halfWidth ≈ 3.984 (scipy)
 */
export function welchDifferenceInterval(a: ArrayLike<number>, b: ArrayLike<number>, level = 0.95): WelchInterval {
  if (a.length < 2 || b.length < 2) throw new RangeError(`welchDifferenceInterval: each sample needs at least 2 values, got ${a.length} and ${b.length}`);
  const ca = meanConfidenceInterval(a, level);
  const cb = meanConfidenceInterval(b, level);
  const va = (ca.sd * ca.sd) / ca.n;
  const vb = (cb.sd * cb.sd) / cb.n;
  const se = Math.sqrt(va + vb);
  const mean = ca.mean - cb.mean;
  if (se === 0) return { mean, halfWidth: 0, lo: mean, hi: mean, df: ca.n + cb.n - 2 };
  const df = (va + vb) ** 2 / ((va * va) / (ca.n - 1) + (vb * vb) / (cb.n - 1));
  const halfWidth = studentTQuantile((1 + level) / 2, df) * se;
  return { mean, halfWidth, lo: mean - halfWidth, hi: mean + halfWidth, df };
}
