import { z } from 'zod';
import { positive } from '../schema/common.js';
import { defineDistribution } from './distribution.js';
import { DISTRIBUTION_LIMITS, positiveDuration } from './limits.js';

export const gamma = defineDistribution({
  type: 'gamma',
  schema: z.strictObject({
    type: z.literal('gamma'),
    shape: positive().max(DISTRIBUTION_LIMITS.gammaShape, `must be at most ${DISTRIBUTION_LIMITS.gammaShape}`),
    scale: positiveDuration(),
  }),
  // Positive almost surely.
  alwaysPositive: () => true,
  scale: (d, factor) => ({ ...d, scale: d.scale * factor }),
});
