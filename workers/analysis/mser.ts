/**
 * MSER-5 warm-up truncation (White 1997; White, Cobb & Spratt 2000): average the
 * series in batches of 5, then delete the d leading batches that minimise
 * MSER(d) = Σ_{j>d} (Z_j − Z̄_d)² / (k − d)², searching d over the first half only,
 * since the statistic is erratic when few batches remain.
 */

export interface MserResult {
  /** Observations to delete from the start: truncatedBatches · batchSize. */
  readonly truncation: number;
  /** d*, the number of leading batches deleted. */
  readonly truncatedBatches: number;
  /** Observations per batch (5 for MSER-5). */
  readonly batchSize: number;
  /** Number of whole batches k; trailing observations that do not fill a batch are not used. */
  readonly batches: number;
  /** MSER(d) for d = 0 … ⌊k/2⌋. */
  readonly statistics: readonly number[];
  /**
   * The minimum fell on the last d searched: the transient may last longer than
   * half the run, so the run is too short to say where it ends.
   */
  readonly atSearchLimit: boolean;
}

/**
 * MSER truncation point of `series` (one run, or the average of several runs, in time order).
 * @throws RangeError when batchSize is not a positive integer, a value is not finite,
 *   or the series has fewer than 2 whole batches.
 * @example mser([9, 9, 9, 9, 9, ...Array(95).fill(1)]).truncation // 5
 */
export function mser(series: ArrayLike<number>, batchSize = 5): MserResult {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`mser: batchSize must be a positive integer, got ${batchSize}`);
  const k = Math.floor(series.length / batchSize);
  if (k < 2) throw new RangeError(`mser: need at least ${2 * batchSize} values (2 batches of ${batchSize}), got ${series.length}`);
  const z = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let sum = 0;
    for (let i = j * batchSize; i < (j + 1) * batchSize; i++) {
      const x = series[i] as number;
      if (!Number.isFinite(x)) throw new RangeError(`mser: series[${i}] must be finite, got ${x}`);
      sum += x;
    }
    z[j] = sum / batchSize;
  }

  // Σ_{j>d}(Z_j − Z̄_d)² for every d at once, adding batches from the end (Welford: no cancellation).
  const limit = Math.floor(k / 2);
  const statistics = new Array<number>(limit + 1);
  let mean = 0;
  let squares = 0;
  for (let d = k - 1, m = 1; d >= 0; d--, m++) {
    const x = z[d]!;
    const delta = x - mean;
    mean += delta / m;
    squares += delta * (x - mean);
    if (d <= limit) statistics[d] = squares / (m * m);
  }

  let best = 0;
  for (let d = 1; d <= limit; d++) if (statistics[d]! < statistics[best]!) best = d;
  return {
    truncation: best * batchSize,
    truncatedBatches: best,
    batchSize,
    batches: k,
    statistics,
    atSearchLimit: best === limit && limit > 0,
  };
}
