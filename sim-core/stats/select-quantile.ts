/**
 * A quantile of unsorted values by selection (Hoare's quickselect), in O(n)
 * on average where sorting takes O(n log n). The result is the same number
 * Tally.quantile gives from the sorted values (R's type 7): it needs only the
 * order statistics at ⌊h⌋ and ⌊h⌋ + 1, h = (n − 1)p.
 *
 * `values` is reordered in place: afterwards every value before position ⌊h⌋
 * is at most the one there, and every value after it at least. Several
 * quantiles of one array are therefore taken in increasing p, each passing the
 * previous ⌊h⌋ as `from` (the values before it are already below).
 */
export function selectQuantile(values: Float64Array, p: number, from = 0): number {
  const n = values.length;
  if (n === 0) return NaN;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`selectQuantile: p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const below = Math.floor(h);
  if (!(from >= 0 && from <= below)) throw new RangeError(`selectQuantile: from must be in [0, ${below}], got ${from}`);
  const x0 = selectInPlace(values, below, from, n - 1);
  if (below === h) return x0;
  // The next order statistic is the smallest value after position `below`.
  const x1 = smallestFrom(values, below + 1);
  return x0 + (h - below) * (x1 - x0);
}

/** The smallest of values[from..]: a loop in a function of its own, so that compiling it on the fly leaves no untried code after it. */
function smallestFrom(values: Float64Array, from: number): number {
  let x = values[from]!;
  for (let i = from + 1; i < values.length; i++) if (values[i]! < x) x = values[i]!;
  return x;
}

/** Puts the k-th smallest of values[lo..hi] at position k (smaller before, larger after) and returns it. */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): number {
  while (hi > lo) {
    // Median of three as the pivot: sorted or reversed input stays linear.
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Now a[lo..j] <= pivot <= a[i..hi], and a[j+1..i-1] equal the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
