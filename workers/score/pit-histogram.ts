/**
 * A PIT histogram of counts: each forecast's randomised PIT, uniform on
 * [lo, hi] (pit.ts), adds its chance of falling in each of `bins` equal bins,
 * so the histogram is the randomised one's expectation, the same on every run
 * (Czado, Gneiting and Held 2009, section 2.2). Flat at 1/bins for a calibrated
 * forecast; a U shape is too narrow, a hump too wide, a slope biased.
 * @example const h = new Float64Array(10); addPit(h, 0.25, 0.45) // h[2] += 0.25, h[3] += 0.5, h[4] += 0.25
 */
export function addPit(histogram: Float64Array, lo: number, hi: number): void {
  const bins = histogram.length;
  if (hi <= lo) {
    histogram[Math.min(bins - 1, Math.floor(lo * bins))]! += 1;
    return;
  }
  const first = Math.min(bins - 1, Math.floor(lo * bins));
  const last = Math.min(bins - 1, Math.floor(hi * bins));
  for (let k = first; k <= last; k++) {
    const overlap = Math.min(hi, (k + 1) / bins) - Math.max(lo, k / bins);
    if (overlap > 0) histogram[k]! += overlap / (hi - lo);
  }
}
