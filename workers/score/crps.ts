/**
 * The continuous ranked probability score of a forecast given as a sample,
 * for the value that happened: CRPS(F, y) = E|X − y| − ½ E|X − X'| with F the
 * sample's empirical distribution (Gneiting and Raftery 2007, eq. 21). In the
 * units of the count (beds, patients); 0 for a point forecast that is right;
 * for a point forecast, the absolute error. Lower is better.
 *
 * With the sample sorted, E|X − X'| = (2/m²) Σᵢ xᵢ (2i − m + 1) (i from 0),
 * so one pass, no m² pairs.
 * @example crpsOfSorted([0, 1], 0) // 0.25: ∫₀¹ (½ − 1)² dz, Bernoulli(½) at 0
 */
export function crpsOfSorted(sorted: ArrayLike<number>, y: number): number {
  const m = sorted.length;
  if (m === 0) return NaN;
  let absError = 0;
  let spread = 0;
  for (let i = 0; i < m; i++) {
    const x = sorted[i]!;
    absError += Math.abs(x - y);
    spread += x * (2 * i - m + 1);
  }
  return absError / m - spread / (m * m);
}
