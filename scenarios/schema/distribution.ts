import { z } from 'zod';
import { nonNegative, positive, probability } from './common.js';

/**
 * A distribution as data, the same shapes as sim-core's `DistributionSpec`.
 * Durations are in minutes unless the field's name says otherwise.
 */
export const DistributionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('constant'), value: nonNegative() }),
  z.strictObject({ type: z.literal('uniform'), min: nonNegative(), max: nonNegative() }).refine((d) => d.max >= d.min, {
    message: 'max must be at least min',
    path: ['max'],
  }),
  z
    .strictObject({ type: z.literal('triangular'), min: nonNegative(), mode: nonNegative(), max: nonNegative() })
    .refine((d) => d.min <= d.mode && d.mode <= d.max && d.min < d.max, {
      message: 'must satisfy min <= mode <= max with min < max',
      path: ['mode'],
    }),
  z.strictObject({ type: z.literal('exponential'), mean: positive() }),
  z.strictObject({ type: z.literal('erlang'), k: z.number().int().positive(), mean: positive() }),
  z.strictObject({ type: z.literal('gamma'), shape: positive(), scale: positive() }),
  z.strictObject({ type: z.literal('lognormal'), mean: positive(), sd: positive() }),
  z.strictObject({ type: z.literal('weibull'), shape: positive(), scale: positive() }),
  z
    .strictObject({ type: z.literal('truncatedNormal'), mean: z.number().finite(), sd: positive(), min: z.number().finite().optional(), max: z.number().finite().optional() })
    .refine((d) => d.min === undefined || d.max === undefined || d.max > d.min, { message: 'max must be above min', path: ['max'] }),
  z
    .strictObject({ type: z.literal('empirical'), values: z.array(nonNegative()).min(1), weights: z.array(nonNegative()).optional() })
    .refine((d) => d.weights === undefined || d.weights.length === d.values.length, {
      message: 'must have one weight per value',
      path: ['weights'],
    }),
  z.strictObject({ type: z.literal('empiricalContinuous'), values: z.array(nonNegative()).min(2, 'needs at least 2 values') }),
  z.strictObject({ type: z.literal('bernoulli'), p: probability() }),
  z.strictObject({ type: z.literal('poisson'), mean: positive() }),
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
