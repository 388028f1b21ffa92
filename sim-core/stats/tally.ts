/**
 * Running statistics of observations (waits, lengths of stay): count, sum, mean,
 * sample variance (n − 1), min, max, and exact quantiles on request.
 *
 * Mean and variance by Welford's update (Welford 1962; Knuth TAOCP vol. 2, 4.2.2):
 * m_k = m_{k−1} + (x − m_{k−1})/k, S_k = S_{k−1} + (x − m_{k−1})(x − m_k), s² = S_n/(n − 1).
 * Quantiles are R's type 7 (numpy's default linear interpolation).
 */
import { selectQuantile } from './select-quantile.js';

export interface TallyOptions {
  /** Keep every observation so that `quantile` is exact. Costs 8 bytes per observation. */
  readonly keepValues?: boolean;
  /** Initial room for kept values; the buffer doubles when full. */
  readonly initialCapacity?: number;
}

/** The error `add` finds, kept out of its code: the smaller `add` is, the more often V8 inlines it. */
function refuseObservation(x: number): never {
  throw new RangeError(`Tally.add: observation must be finite, got ${x}`);
}

export class Tally {
  private n = 0;
  private m = 0;
  private s = 0;
  private total = 0;
  private lo = Infinity;
  private hi = -Infinity;
  private values: Float64Array | null;
  /**
   * Since the last `add`, every kept value before this position is at most the
   * one there (left so by the last quantile's selection, see selectQuantile): a
   * quantile at or after it need only look from there on.
   */
  private selectedBelow = 0;

  constructor(options: TallyOptions = {}) {
    this.values = options.keepValues === true ? new Float64Array(Math.max(1, options.initialCapacity ?? 64)) : null;
  }

  /**
   * Records one observation. Allocates nothing unless values are kept and the
   * buffer is full (then it doubles: amortised O(1)).
   * @throws RangeError for NaN or ±Infinity, which would silently poison every figure.
   */
  add(x: number): void {
    if (!Number.isFinite(x)) refuseObservation(x);
    const n = ++this.n;
    const delta = x - this.m;
    this.m += delta / n;
    this.s += delta * (x - this.m);
    this.total += x;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    if (this.values !== null) this.keep(x, n);
  }

  /** Stores the n-th observation (apart from `add`, so that a tally keeping no values inlines in little code). */
  private keep(x: number, n: number): void {
    let values = this.values!;
    if (n > values.length) {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      this.values = values = grown;
    }
    values[n - 1] = x;
    this.selectedBelow = 0;
  }

  /** Number of observations since construction or the last `reset`. */
  get count(): number {
    return this.n;
  }

  /** Sum of the observations (0 when there are none). */
  get sum(): number {
    return this.total;
  }

  /** Arithmetic mean; NaN when there are no observations. */
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.m;
  }

  /** Sample variance with n − 1 in the denominator; NaN for fewer than 2 observations. */
  get variance(): number {
    return this.n < 2 ? Number.NaN : this.s / (this.n - 1);
  }

  /** Sample standard deviation, √variance; NaN for fewer than 2 observations. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest observation; NaN when there are none. */
  get min(): number {
    return this.n === 0 ? Number.NaN : this.lo;
  }

  /** Largest observation; NaN when there are none. */
  get max(): number {
    return this.n === 0 ? Number.NaN : this.hi;
  }

  /**
   * The p-quantile, R type 7: with sorted x_0..x_{n−1} and h = (n − 1)p,
   * x_⌊h⌋ + (h − ⌊h⌋)(x_⌈h⌉ − x_⌊h⌋). NaN when there are no observations.
   * By selection, not sorting (O(n) where a sort is O(n log n): a year of a
   * hospital keeps tens of thousands of waits); quantiles asked in increasing
   * p, as figures are, each start where the last one left off.
   * @throws Error when the tally was not constructed with `{ keepValues: true }`.
   */
  quantile(p: number): number {
    const values = this.values;
    if (values === null) throw new Error('Tally.quantile: construct the Tally with { keepValues: true } to get quantiles');
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Tally.quantile: p must be in [0, 1], got ${p}`);
    const n = this.n;
    if (n === 0) return Number.NaN;
    const below = Math.floor((n - 1) * p);
    const x = selectQuantile(values.subarray(0, n), p, below >= this.selectedBelow ? this.selectedBelow : 0);
    this.selectedBelow = below;
    return x;
  }

  /**
   * The share of observations above `x` (needs kept values): 0.25 for [0, 0, 0, 5] above 0.
   * @example waits.shareAbove(0) // P(wait): the share who waited at all
   */
  shareAbove(x: number): number {
    const values = this.values;
    if (values === null) throw new Error('Tally.shareAbove: construct the Tally with { keepValues: true }');
    const n = this.n;
    if (n === 0) return Number.NaN;
    return countAbove(values, n, x) / n;
  }

  /** Forgets every observation (warm-up deletion). Kept-value storage is reused. */
  reset(): void {
    this.n = 0;
    this.m = 0;
    this.s = 0;
    this.total = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
    this.selectedBelow = 0;
  }
}

/**
 * How many of the first n values are above x. A loop of its own: when a call's
 * loop was compiled on the fly (on-stack replacement), the code after it had
 * never run, and each run's close then threw the compiled code away again.
 */
function countAbove(values: Float64Array, n: number, x: number): number {
  let above = 0;
  for (let i = 0; i < n; i++) if ((values[i] as number) > x) above++;
  return above;
}
