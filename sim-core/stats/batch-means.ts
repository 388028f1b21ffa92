/**
 * Confidence interval for the steady-state mean of one long, autocorrelated run by the
 * method of (non-overlapping) batch means: split into k batches of m, treat the batch
 * means as k roughly independent normal values, Ȳ ± t_{1−α/2, k−1} · s_Y/√k
 * (Law, Simulation Modeling and Analysis, 5th ed., 9.5.3).
 */

import { meanConfidenceInterval, type ConfidenceInterval } from './confidence-interval.js';

export interface BatchMeansResult extends ConfidenceInterval {
  /** Number of batches k (the interval has k − 1 degrees of freedom). n equals this. */
  readonly batches: number;
  /** Observations per batch m = ⌊N/k⌋. */
  readonly batchSize: number;
  /** Leading observations left out so that k·m are used (N mod k, the ones nearest warm-up). */
  readonly discarded: number;
  /**
   * Lag-1 autocorrelation of the batch means, Σ(Y_i − Ȳ)(Y_{i+1} − Ȳ) / Σ(Y_i − Ȳ)².
   * Well above 0 means the batches are too short to be independent and the interval
   * is too narrow. NaN when all batch means are equal.
   */
  readonly lag1Autocorrelation: number;
}

/**
 * Batch-means confidence interval for the mean of `values` (one run, warm-up already
 * removed). The first N mod k values are discarded so that every batch has equal size.
 * @throws RangeError when batches is not an integer >= 2, there are fewer values than
 *   batches, a value is not finite, or level is not in (0, 1).
 */
export function batchMeans(values: ArrayLike<number>, batches = 20, level = 0.95): BatchMeansResult {
  if (!Number.isInteger(batches) || batches < 2) {
    throw new RangeError(`batchMeans: batches must be an integer >= 2, got ${batches}`);
  }
  const total = values.length;
  const batchSize = Math.floor(total / batches);
  if (batchSize < 1) throw new RangeError(`batchMeans: need at least ${batches} values for ${batches} batches, got ${total}`);
  const discarded = total - batches * batchSize;

  const means = new Float64Array(batches);
  for (let b = 0; b < batches; b++) {
    const from = discarded + b * batchSize;
    let sum = 0;
    for (let i = from; i < from + batchSize; i++) {
      const x = values[i] as number;
      if (!Number.isFinite(x)) throw new RangeError(`batchMeans: values[${i}] must be finite, got ${x}`);
      sum += x;
    }
    means[b] = sum / batchSize;
  }

  const ci = meanConfidenceInterval(means, level);
  let lagged = 0;
  let squares = 0;
  for (let b = 0; b < batches; b++) {
    const d = (means[b] as number) - ci.mean;
    squares += d * d;
    if (b + 1 < batches) lagged += d * ((means[b + 1] as number) - ci.mean);
  }
  return { ...ci, batches, batchSize, discarded, lag1Autocorrelation: squares === 0 ? Number.NaN : lagged / squares };
}
