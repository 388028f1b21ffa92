import { z } from 'zod';
import { defineDistribution } from './distribution.js';
import { DISTRIBUTION_LIMITS, positiveDuration, spread } from './limits.js';

export const lognormal = defineDistribution({
  type: 'lognormal',
  schema: z
    .strictObject({ type: z.literal('lognormal'), mean: positiveDuration(), sd: spread() })
    .refine((d) => d.sd <= DISTRIBUTION_LIMITS.lognormalCv * d.mean, {
      message: `must be at most ${DISTRIBUTION_LIMITS.lognormalCv} times the mean (a larger spread makes draws that are not finite numbers)`,
      path: ['sd'],
    }),
  // Positive almost surely.
  alwaysPositive: () => true,
  scale: (d, factor) => ({ ...d, mean: d.mean * factor, sd: d.sd * factor }),
});
