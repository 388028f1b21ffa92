import { nonNegative, positive } from '../schema/common.js';

/**
 * Limits that keep every draw finite and quick, checked before anything runs.
 * A duration above 0 but below a millionth (of a minute, or of a day for lead
 * times) cannot move a clock that counts minutes up to ten years: a loop of
 * such holds would never let time pass. Erlang and Poisson draws take time in
 * proportion to k and to the mean. A billion (minutes: 1,900 years) is more
 * than any duration needs and keeps sums and squares of durations finite.
 */
export const DISTRIBUTION_LIMITS = {
  smallestDuration: 1e-6,
  largestDuration: 1e9,
  gammaShape: 1e6,
  erlangK: 1000,
  poissonMean: 10_000,
  lognormalCv: 1000,
  weibullShape: 0.02,
} as const;

/** A duration parameter: 0, or at least the smallest duration the clock can add. */
export const duration = () =>
  nonNegative()
    .max(DISTRIBUTION_LIMITS.largestDuration, `must be at most ${DISTRIBUTION_LIMITS.largestDuration}`)
    .refine((x) => x === 0 || x >= DISTRIBUTION_LIMITS.smallestDuration, {
      message: `must be 0 or at least ${DISTRIBUTION_LIMITS.smallestDuration} (a smaller duration cannot move the simulation clock)`,
    });

/** A positive duration parameter (a mean, a scale). */
export const positiveDuration = () =>
  positive()
    .min(DISTRIBUTION_LIMITS.smallestDuration, `must be at least ${DISTRIBUTION_LIMITS.smallestDuration} (a smaller duration cannot move the simulation clock)`)
    .max(DISTRIBUTION_LIMITS.largestDuration, `must be at most ${DISTRIBUTION_LIMITS.largestDuration}`);

/** A spread parameter with a time unit (a standard deviation). */
export const spread = () => positive().max(DISTRIBUTION_LIMITS.largestDuration, `must be at most ${DISTRIBUTION_LIMITS.largestDuration}`);
