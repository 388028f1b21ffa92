/**
 * A piecewise-constant quantity over simulation time (occupancy, queue length, beds
 * busy): its integral, time average and, when asked for, time-weighted variance.
 *
 * Area A(t) = Σ v_i (t_{i+1} − t_i); mean = A(t) / (t − t_0);
 * variance = (1/T) ∫ (v − v̄)² dt, computed as E[(v − K)²] − (E[v − K])² with K the
 * value at the start, which avoids cancelling large, nearly equal numbers.
 *
 * The variance is kept only with `{ keepVariance: true }`: every resource
 * updates its busy units and queue length on each grant and release, and the
 * two extra sums were a tenth of the kernel's time in an M/M/1 queue while no
 * figure read them.
 */

/** Anything that tells the time now (a Simulation). */
export interface Clock {
  readonly now: number;
}

export interface TimeWeightedOptions {
  /** Keep the sums `variance` needs (two more multiply-adds per change). */
  readonly keepVariance?: boolean;
}

export class TimeWeighted {
  private current: number;
  private start: number;
  private lastChange: number;
  /** ∫ v dt from `start` to `lastChange`. */
  private integral = 0;
  /** Shift K for the variance accumulators. */
  private shift: number;
  /** ∫ (v − K) dt and ∫ (v − K)² dt from `start` to `lastChange`. */
  private shiftedIntegral = 0;
  private shiftedSquares = 0;
  private peak: number;
  private trough: number;
  private readonly keepVariance: boolean;

  constructor(startTime: number, initialValue = 0, options: TimeWeightedOptions = {}) {
    if (!Number.isFinite(startTime)) throw new RangeError(`TimeWeighted: startTime must be finite, got ${startTime}`);
    if (!Number.isFinite(initialValue)) throw new RangeError(`TimeWeighted: initialValue must be finite, got ${initialValue}`);
    this.current = initialValue;
    this.start = startTime;
    this.lastChange = startTime;
    this.shift = initialValue;
    this.peak = initialValue;
    this.trough = initialValue;
    this.keepVariance = options.keepVariance === true;
  }

  /**
   * The quantity changes to `newValue` at time `now`; the old value is credited for
   * the time since the last change. Allocates nothing.
   * @throws RangeError when `now` is before the last change, or the value is not finite.
   */
  update(now: number, newValue: number): void {
    const dt = now - this.lastChange;
    // (x - x === 0 holds for every finite x and for no other: a shorter test than
    // Number.isFinite, and the smaller `update` is, the more places V8 inlines it.)
    if (!(dt >= 0 && dt !== Infinity && newValue - newValue === 0)) this.refuseUpdate(now, newValue);
    // At the same instant nothing accrues (v * 0 adds exactly nothing), so skip the sums.
    if (dt > 0) {
      const v = this.current;
      this.integral += v * dt;
      if (this.keepVariance) this.addSquares(v, dt);
      this.lastChange = now;
    }
    this.current = newValue;
    if (newValue > this.peak) this.peak = newValue;
    else if (newValue < this.trough) this.trough = newValue;
  }

  /**
   * `update` at the clock's time. Passing the clock, not its time, spares V8
   * boxing the time on the heap when it does not inline the call (a double
   * argument is an allocation; an object is not): the claim book calls this on
   * every grant and release.
   */
  change(clock: Clock, newValue: number): void {
    this.update(clock.now, newValue);
  }

  /** The value now. */
  get value(): number {
    return this.current;
  }

  /**
   * Largest value taken since the start or last reset, including values held for zero
   * time (a queue that reaches 7 and drains at the same instant did reach 7).
   */
  get max(): number {
    return this.peak;
  }

  /** Smallest value taken since the start or last reset (same rule as `max`). */
  get min(): number {
    return this.trough;
  }

  /** ∫ v dt from the start (or last reset) to `now`. */
  area(now: number): number {
    const dt = this.elapsedSinceChange(now, 'area');
    return this.integral + this.current * dt;
  }

  /** Time average from the start (or last reset) to `now`; NaN over an empty interval. */
  mean(now: number): number {
    const dt = this.elapsedSinceChange(now, 'mean');
    const span = now - this.start;
    if (span === 0) return Number.NaN;
    return (this.integral + this.current * dt) / span;
  }

  /**
   * Time-weighted (population) variance from the start (or last reset) to `now`; NaN over an empty interval.
   * @throws Error when the quantity was not constructed with `{ keepVariance: true }`.
   */
  variance(now: number): number {
    if (!this.keepVariance) throw new Error('TimeWeighted.variance: construct it with { keepVariance: true } to get the variance');
    const dt = this.elapsedSinceChange(now, 'variance');
    const span = now - this.start;
    if (span === 0) return Number.NaN;
    const d = this.current - this.shift;
    const m1 = (this.shiftedIntegral + d * dt) / span;
    const m2 = (this.shiftedSquares + d * d * dt) / span;
    return Math.max(0, m2 - m1 * m1);
  }

  /**
   * Restarts integration at `now`, keeping the current value (warm-up deletion):
   * afterwards area, mean, variance, max and min cover only [now, ...].
   */
  reset(now: number): void {
    this.elapsedSinceChange(now, 'reset');
    this.start = now;
    this.lastChange = now;
    this.integral = 0;
    this.shift = this.current;
    this.shiftedIntegral = 0;
    this.shiftedSquares = 0;
    this.peak = this.current;
    this.trough = this.current;
  }

  /** The variance's sums for `v` held `dt` (apart from `update`, which stays small enough to be inlined). */
  private addSquares(v: number, dt: number): void {
    const d = v - this.shift;
    this.shiftedIntegral += d * dt;
    this.shiftedSquares += d * d * dt;
  }

  /** Throws the error `update` found, kept out of the hot path. */
  private refuseUpdate(now: number, newValue: number): never {
    if (!Number.isFinite(newValue)) throw new RangeError(`TimeWeighted.update: value must be finite, got ${newValue}`);
    this.elapsedSinceChange(now, 'update');
    throw new RangeError(`TimeWeighted.update: time ${now} is invalid`);
  }

  private elapsedSinceChange(now: number, caller: string): number {
    const dt = now - this.lastChange;
    if (!(dt >= 0) || dt === Infinity) {
      throw new RangeError(`TimeWeighted.${caller}: time ${now} is before the last change at ${this.lastChange}`);
    }
    return dt;
  }
}
