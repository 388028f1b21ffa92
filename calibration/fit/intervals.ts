/**
 * Small interval estimators and tests the fits and the validation share:
 * chi-square tail and quantile, exact Poisson (Garwood) and Wilson binomial
 * intervals, and a distribution-free interval for a quantile.
 */
import { regularizedGammaP } from '../../sim-core/index.js';

/** P(χ²_df > x): 1 − P(df/2, x/2). Checked: P(χ²₁ > 3.841) = 0.05. */
export function chiSquareTail(x: number, df: number): number {
  if (x <= 0) return 1;
  return Math.max(0, 1 - regularizedGammaP(df / 2, x / 2));
}

/** The p-quantile of χ²_df by bisection on the CDF. Checked: χ²₂(0.95) = 5.991. */
export function chiSquareQuantile(p: number, df: number): number {
  let lo = 0;
  let hi = Math.max(1, df);
  while (regularizedGammaP(df / 2, hi / 2) < p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedGammaP(df / 2, mid / 2) < p) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-12 * hi) break;
  }
  return (lo + hi) / 2;
}

/** Exact (Garwood 1936) interval for a Poisson mean from a count: [χ²_{2k}(α/2)/2, χ²_{2k+2}(1−α/2)/2]. */
export function poissonInterval(count: number, level = 0.95): [number, number] {
  const alpha = 1 - level;
  const lo = count === 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * count) / 2;
  const hi = chiSquareQuantile(1 - alpha / 2, 2 * count + 2) / 2;
  return [lo, hi];
}

/** z with P(|Z| < z) = level, for the usual levels. */
export function zFor(level: number): number {
  if (Math.abs(level - 0.95) < 1e-9) return 1.959963984540054;
  if (Math.abs(level - 0.99) < 1e-9) return 2.5758293035489;
  if (Math.abs(level - 0.9) < 1e-9) return 1.6448536269514722;
  // Bisection on the normal CDF via the chi-square with one degree of freedom.
  return Math.sqrt(chiSquareQuantile(level, 1));
}

/** Wilson score interval for a proportion k/n (Wilson 1927). */
export function wilsonInterval(k: number, n: number, level = 0.95): [number, number] {
  if (n === 0) return [0, 1];
  const z = zFor(level);
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Distribution-free interval for the q-quantile of sorted values: the order
 * statistics at n·q ∓ z·√(n·q·(1−q)) (normal approximation to the binomial).
 */
export function quantileInterval(sorted: readonly number[], q: number, level = 0.95): [number, number] {
  const n = sorted.length;
  if (n === 0) return [NaN, NaN];
  const z = zFor(level);
  const half = z * Math.sqrt(n * q * (1 - q));
  const lo = Math.max(0, Math.floor(n * q - half));
  const hi = Math.min(n - 1, Math.ceil(n * q + half));
  return [sorted[lo]!, sorted[hi]!];
}
