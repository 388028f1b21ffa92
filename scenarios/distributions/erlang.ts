import { z } from 'zod';
import { defineDistribution } from './distribution.js';
import { DISTRIBUTION_LIMITS, positiveDuration } from './limits.js';

export const erlang = defineDistribution({
  type: 'erlang',
  schema: z.strictObject({
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
  // Positive almost surely.
  alwaysPositive: () => true,
  scale: (d, factor) => ({ ...d, mean: d.mean * factor }),
});
