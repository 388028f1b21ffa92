/**
 * The p-quantile of values already sorted ascending, R's type 7 (Hyndman and
 * Fan 1996; numpy's default): with h = (n − 1)p, x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋).
 * The same number Tally.quantile and selectQuantile give from unsorted values;
 * this one is for values sorted anyway (a forecast's bands, a fitted log). NaN
 * for no values.
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const x0 = sorted[below]!;
  // At an order statistic, that value itself (also when it is infinite).
  if (below === h) return x0;
  return x0 + (h - below) * (sorted[below + 1]! - x0);
}
