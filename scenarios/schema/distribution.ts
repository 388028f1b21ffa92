import { z } from 'zod';
import { nonNegative, positive, probability } from './common.js';

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
const duration = () =>
  nonNegative()
    .max(DISTRIBUTION_LIMITS.largestDuration, `must be at most ${DISTRIBUTION_LIMITS.largestDuration}`)
    .refine((x) => x === 0 || x >= DISTRIBUTION_LIMITS.smallestDuration, {
      message: `must be 0 or at least ${DISTRIBUTION_LIMITS.smallestDuration} (a smaller duration cannot move the simulation clock)`,
    });
/** A positive duration parameter (a mean, a scale). */
const positiveDuration = () =>
  positive()
    .min(DISTRIBUTION_LIMITS.smallestDuration, `must be at least ${DISTRIBUTION_LIMITS.smallestDuration} (a smaller duration cannot move the simulation clock)`)
    .max(DISTRIBUTION_LIMITS.largestDuration, `must be at most ${DISTRIBUTION_LIMITS.largestDuration}`);

/**
 * A distribution as data, the same shapes as sim-core's `DistributionSpec`.
 * Durations are in minutes unless the field's name says otherwise.
 */
export const DistributionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('constant'), value: duration() }),
  z.strictObject({ type: z.literal('uniform'), min: duration(), max: duration() }).refine((d) => d.max >= d.min, {
    message: 'max must be at least min',
    path: ['max'],
  }),
  z
    .strictObject({ type: z.literal('triangular'), min: duration(), mode: duration(), max: duration() })
    .refine((d) => d.min <= d.mode && d.mode <= d.max && d.min < d.max, {
      message: 'must satisfy min <= mode <= max with min < max',
      path: ['mode'],
    }),
  z.strictObject({ type: z.literal('exponential'), mean: positiveDuration() }),
  z.strictObject({
    type: z.literal('erlang'),
    k: z
      .number()
      .int()
      .positive()
      .max(
        DISTRIBUTION_LIMITS.erlangK,
        `must be at most ${DISTRIBUTION_LIMITS.erlangK} (each draw sums k phases; for a nearly constant duration use a gamma with a large shape)`,
      ),
    mean: positiveDuration(),
  }),
  z.strictObject({
    type: z.literal('gamma'),
    shape: positive().max(DISTRIBUTION_LIMITS.gammaShape, `must be at most ${DISTRIBUTION_LIMITS.gammaShape}`),
    scale: positiveDuration(),
  }),
  z
    .strictObject({
      type: z.literal('lognormal'),
      mean: positiveDuration(),
      sd: positive().max(DISTRIBUTION_LIMITS.largestDuration, `must be at most ${DISTRIBUTION_LIMITS.largestDuration}`),
    })
    .refine((d) => d.sd <= DISTRIBUTION_LIMITS.lognormalCv * d.mean, {
      message: `must be at most ${DISTRIBUTION_LIMITS.lognormalCv} times the mean (a larger spread makes draws that are not finite numbers)`,
      path: ['sd'],
    }),
  z.strictObject({
    type: z.literal('weibull'),
    shape: positive().min(
      DISTRIBUTION_LIMITS.weibullShape,
      `must be at least ${DISTRIBUTION_LIMITS.weibullShape} (a smaller shape makes draws that are not finite numbers)`,
    ),
    scale: positiveDuration(),
  }),
  z
    .strictObject({
      type: z.literal('truncatedNormal'),
      mean: z.number().finite(),
      sd: positive().max(DISTRIBUTION_LIMITS.largestDuration, `must be at most ${DISTRIBUTION_LIMITS.largestDuration}`),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
    })
    .refine((d) => d.min === undefined || d.max === undefined || d.max > d.min, { message: 'max must be above min', path: ['max'] }),
  z
    .strictObject({ type: z.literal('empirical'), values: z.array(duration()).min(1), weights: z.array(nonNegative()).optional() })
    .refine((d) => d.weights === undefined || d.weights.length === d.values.length, {
      message: 'must have one weight per value',
      path: ['weights'],
    })
    .refine((d) => d.weights === undefined || d.weights.some((w) => w > 0), { message: 'at least one weight must be more than 0', path: ['weights'] })
    .refine((d) => d.weights === undefined || Number.isFinite(d.weights.reduce((s, w) => s + w, 0)), {
      message: 'must add up to a finite number',
      path: ['weights'],
    }),
  z.strictObject({ type: z.literal('empiricalContinuous'), values: z.array(duration()).min(2, 'needs at least 2 values') }),
  z.strictObject({ type: z.literal('bernoulli'), p: probability() }),
  z.strictObject({
    type: z.literal('poisson'),
    mean: positive().max(
      DISTRIBUTION_LIMITS.poissonMean,
      `must be at most ${DISTRIBUTION_LIMITS.poissonMean} (a draw takes time in proportion to the mean; for larger counts use a gamma or a truncatedNormal)`,
    ),
  }),
]);
export type DistributionInput = z.infer<typeof DistributionSchema>;

/** A duration that may depend on a patient attribute (e.g. treatment time by acuity). */
export const DurationSchema = z.union([
  DistributionSchema,
  z.strictObject({
    byAttribute: z.string().min(1),
    cases: z.record(z.string(), DistributionSchema),
    otherwise: DistributionSchema.optional(),
  }),
]);
export type DurationInput = z.infer<typeof DurationSchema>;
