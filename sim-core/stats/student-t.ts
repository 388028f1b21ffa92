/**
 * Student's t distribution with `df` degrees of freedom (df > 0, finite).
 *
 * CDF: P(T <= t) = 1 − ½ I_{df/(df+t²)}(df/2, ½) for t >= 0, by symmetry for t < 0
 * (Abramowitz & Stegun 26.7.1 with 26.5.27). The quantile inverts the tail
 * probability by safeguarded Newton iteration, so it is as accurate as the CDF.
 */

import { logBeta, regularizedIncompleteBeta } from './incomplete-beta.js';

function checkDf(df: number, caller: string): void {
  if (!(df > 0) || !Number.isFinite(df)) {
    throw new RangeError(`${caller}: df must be a finite number > 0, got ${df}`);
  }
}

/** P(T > t) for t >= 0, computed without the cancellation of 1 − CDF. */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  const x = df / (df + t2);
  const oneMinusX = t2 / (df + t2);
  return 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5, oneMinusX);
}

/** Density f(t) = (1 + t²/df)^(−(df+1)/2) / (√df B(df/2, ½)). */
function density(t: number, df: number): number {
  return Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - logBeta(df / 2, 0.5));
}

/**
 * P(T <= t) for Student's t with `df` degrees of freedom.
 * @example studentTCdf(2.262157, 9) // ≈ 0.975
 */
export function studentTCdf(t: number, df: number): number {
  checkDf(df, 'studentTCdf');
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = upperTail(Math.abs(t), df);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom: the t with P(T <= t) = p.
 * p = 0 and p = 1 give −Infinity and Infinity.
 * @example studentTQuantile(0.975, 9) // ≈ 2.262157
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df, 'studentTQuantile');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Solve upperTail(t) = q for t > 0 with q the smaller tail, then restore the sign,
  // so that p near 0 and p near 1 are equally accurate.
  const q = p < 0.5 ? p : 1 - p;
  const t = solveUpperTail(q, df);
  return p < 0.5 ? -t : t;
}

/** The t > 0 with upperTail(t) = q, for 0 < q < ½. upperTail decreases in t. */
function solveUpperTail(q: number, df: number): number {
  let lo = 0; // upperTail(lo) > q
  let hi = 1; // grown until upperTail(hi) <= q
  while (upperTail(hi, df) > q) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Infinity;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const diff = upperTail(t, df) - q;
    if (diff === 0) return t;
    if (diff > 0) lo = t;
    else hi = t;
    // Newton on upperTail, whose derivative is −density; bisect when the step
    // would leave the bracket.
    let next = t + diff / density(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * next || hi - lo <= 1e-15 * hi) return next;
    t = next;
  }
  return t;
}
