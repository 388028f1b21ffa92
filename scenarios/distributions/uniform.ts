import { z } from 'zod';
import { defineDistribution } from './distribution.js';
import { duration } from './limits.js';

export const uniform = defineDistribution({
  type: 'uniform',
  schema: z.strictObject({ type: z.literal('uniform'), min: duration(), max: duration() }).refine((d) => d.max >= d.min, {
    message: 'max must be at least min',
    path: ['max'],
  }),
  alwaysPositive: (d) => d.min > 0,
  scale: (d, factor) => ({ ...d, min: d.min * factor, max: d.max * factor }),
});
