import { z } from 'zod';
import { positive } from '../schema/common.js';
import { defineDistribution } from './distribution.js';
import { DISTRIBUTION_LIMITS, positiveDuration } from './limits.js';

export const weibull = defineDistribution({
  type: 'weibull',
  schema: z.strictObject({
    type: z.literal('weibull'),
    shape: positive().min(
      DISTRIBUTION_LIMITS.weibullShape,
      `must be at least ${DISTRIBUTION_LIMITS.weibullShape} (a smaller shape makes draws that are not finite numbers)`,
    ),
    scale: positiveDuration(),
  }),
  // Positive almost surely.
  alwaysPositive: () => true,
  scale: (d, factor) => ({ ...d, scale: d.scale * factor }),
});
