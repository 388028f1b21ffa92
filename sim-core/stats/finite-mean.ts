/**
 * The mean of the finite values, leaving out NaN and infinities (a figure
 * with no value in some replications: a mean wait where nobody waited); NaN
 * when none is finite. Sweeps and optimisation rank by it.
 * @example finiteMean([2, NaN, 4]) // 3
 */
export function finiteMean(values: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const x of values) {
    if (Number.isFinite(x)) {
      sum += x;
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}
