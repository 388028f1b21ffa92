import { z } from 'zod';
import { defineDistribution } from './distribution.js';
import { duration } from './limits.js';

export const triangular = defineDistribution({
  type: 'triangular',
  schema: z
    .strictObject({ type: z.literal('triangular'), min: duration(), mode: duration(), max: duration() })
    .refine((d) => d.min <= d.mode && d.mode <= d.max && d.min < d.max, {
      message: 'must satisfy min <= mode <= max with min < max',
      path: ['mode'],
    }),
  alwaysPositive: (d) => d.min > 0,
  scale: (d, factor) => ({ ...d, min: d.min * factor, mode: d.mode * factor, max: d.max * factor }),
});
