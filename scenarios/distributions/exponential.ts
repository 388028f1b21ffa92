import { z } from 'zod';
import { defineDistribution } from './distribution.js';
import { positiveDuration } from './limits.js';

export const exponential = defineDistribution({
  type: 'exponential',
  schema: z.strictObject({ type: z.literal('exponential'), mean: positiveDuration() }),
  // Positive almost surely.
  alwaysPositive: () => true,
  scale: (d, factor) => ({ ...d, mean: d.mean * factor }),
});
