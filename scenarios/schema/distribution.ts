import { z } from 'zod';
import { DistributionSchema } from '../distributions/index.js';

export { DISTRIBUTION_LIMITS, DistributionSchema } from '../distributions/index.js';

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
