import { studentTQuantile } from '../../sim-core/index.js';
import type { Estimate } from './mean-and-se.js';

/**
 * The ratio of two means over paired values, R = ā / b̄ (e.g. the median
 * forecast's mean absolute error over persistence's), with its standard
 * error by the delta method: se(R) = √(Σ(aᵢ − R bᵢ)² / (n(n − 1))) / b̄
 * (Cochran 1977, ratio estimator). Pairs with a NaN are left out.
 * @example ratioOfMeans([1, 2], [2, 4]) // value 0.5, se 0
 */
export function ratioOfMeans(a: ArrayLike<number>, b: ArrayLike<number>): Estimate {
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]!) || Number.isNaN(b[i]!)) continue;
    n++;
    sa += a[i]!;
    sb += b[i]!;
  }
  if (n === 0 || sb === 0) return { value: NaN, se: NaN, ci95: [NaN, NaN], n };
  const r = sa / sb;
  let squares = 0;
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]!) && !Number.isNaN(b[i]!)) squares += (a[i]! - r * b[i]!) ** 2;
  const se = n > 1 ? Math.sqrt(squares / (n * (n - 1))) / (sb / n) : NaN;
  const half = n > 1 ? studentTQuantile(0.975, n - 1) * se : NaN;
  return { value: r, se, ci95: [r - half, r + half], n };
}
