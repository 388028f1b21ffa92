import { z } from 'zod';
import { minOf } from '../limits.js';
import { nonNegative } from '../schema/common.js';
import { defineDistribution } from './distribution.js';
import { duration } from './limits.js';

export const empirical = defineDistribution({
  type: 'empirical',
  schema: z
    .strictObject({ type: z.literal('empirical'), values: z.array(duration()).min(1), weights: z.array(nonNegative()).optional() })
    .refine((d) => d.weights === undefined || d.weights.length === d.values.length, {
      message: 'must have one weight per value',
      path: ['weights'],
    })
    .refine((d) => d.weights === undefined || d.weights.some((w) => w > 0), { message: 'at least one weight must be more than 0', path: ['weights'] })
    .refine((d) => d.weights === undefined || Number.isFinite(d.weights.reduce((s, w) => s + w, 0)), {
      message: 'must add up to a finite number',
      path: ['weights'],
    }),
  alwaysPositive: (d) => minOf(d.values) > 0,
  scale: (d, factor) => ({ ...d, values: d.values.map((v) => v * factor) }),
});
