import { z } from 'zod';
import { defineDistribution } from './distribution.js';
import { spread } from './limits.js';

export const truncatedNormal = defineDistribution({
  type: 'truncatedNormal',
  schema: z
    .strictObject({
      type: z.literal('truncatedNormal'),
      mean: z.number().finite(),
      sd: spread(),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
    })
    .refine((d) => d.min === undefined || d.max === undefined || d.max > d.min, { message: 'max must be above min', path: ['max'] }),
  alwaysPositive: (d) => d.min !== undefined && d.min > 0,
  // The one family whose draws can be negative: as a duration it needs its lower bound.
  checkAsDuration(d, path, problem) {
    if (d.min === undefined || d.min < 0)
      problem(`${path}.min`, `must be set to 0 or more, since a duration cannot be negative${d.min !== undefined ? `, got ${d.min}` : ''}`);
  },
  scale: (d, factor) => ({
    type: 'truncatedNormal',
    mean: d.mean * factor,
    sd: d.sd * factor,
    ...(d.min !== undefined ? { min: d.min * factor } : {}),
    ...(d.max !== undefined ? { max: d.max * factor } : {}),
  }),
});
