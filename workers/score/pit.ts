/**
 * The probability integral transform of a count under a forecast given as a
 * sample: the interval [F(y−), F(y)] over which the randomised PIT
 * (Czado, Gneiting and Held 2009) draws uniformly, F the sample's empirical
 * CDF. For a calibrated forecast the randomised PIT is uniform on [0, 1];
 * for counts with ties the interval is wide and a plain F(y) would not be.
 * @example pitInterval([1, 2, 2, 3], 2) // { lo: 0.25, hi: 0.75 }
 */
export function pitInterval(sorted: ArrayLike<number>, y: number): { lo: number; hi: number } {
  const m = sorted.length;
  return { lo: firstAtLeast(sorted, y, false) / m, hi: firstAtLeast(sorted, y, true) / m };
}

/** How many sorted values are below y (or, with orEqual, at or below y): a binary search. */
function firstAtLeast(sorted: ArrayLike<number>, y: number, orEqual: boolean): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    const x = sorted[mid]!;
    if (x < y || (orEqual && x === y)) a = mid + 1;
    else b = mid;
  }
  return a;
}
