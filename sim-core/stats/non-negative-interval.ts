/**
 * A confidence interval for a quantity that cannot be negative (a wait, a count,
 * hours, a cost): the Student-t interval with its lower bound clipped at 0, and
 * the clipping said. Clipping keeps the interval's coverage (the true mean is
 * never below 0, so no interval that held it loses it) while showing no bound
 * the quantity cannot take. Paired differences are never clipped: they can be
 * negative.
 * @example clipAtZero(meanConfidenceInterval([0, 0, 10])) // lo 0 (was -11.0), clippedAtZero true
 */
import type { ConfidenceInterval } from './confidence-interval.js';

export interface NonNegativeInterval extends ConfidenceInterval {
  /** True when the t-interval's lower bound was below 0 and is shown as 0. */
  readonly clippedAtZero: boolean;
}

export function clipAtZero(ci: ConfidenceInterval): NonNegativeInterval {
  if (ci.lo < 0) return { ...ci, lo: 0, clippedAtZero: true };
  return { ...ci, clippedAtZero: false };
}
