/**
 * The chance that the central `level` band of a forecast holds the truth,
 * by the randomised PIT: the share of the PIT interval [lo, hi] (see pit.ts)
 * inside [(1 − level)/2, (1 + level)/2]. Its mean over many forecasts is the
 * band's coverage, `level` in expectation for a calibrated forecast however
 * discrete the count (counting "p10 ≤ y ≤ p90" would over-cover by ties).
 * @example centralCoverage(0.25, 0.75, 0.8) // 1
 * @example centralCoverage(0, 0.5, 0.8) // 0.8: [0.1, 0.5] is 0.4 of the 0.5 wide interval
 */
export function centralCoverage(lo: number, hi: number, level: number): number {
  const a = (1 - level) / 2;
  const b = (1 + level) / 2;
  if (hi <= lo) return lo >= a && lo <= b ? 1 : 0;
  return Math.max(0, Math.min(b, hi) - Math.max(a, lo)) / (hi - lo);
}
