import { z } from 'zod';
import { minOf } from '../limits.js';
import { defineDistribution } from './distribution.js';
import { duration } from './limits.js';

export const empiricalContinuous = defineDistribution({
  type: 'empiricalContinuous',
  schema: z.strictObject({ type: z.literal('empiricalContinuous'), values: z.array(duration()).min(2, 'needs at least 2 values') }),
  alwaysPositive: (d) => minOf(d.values) > 0,
  scale: (d, factor) => ({ ...d, values: d.values.map((v) => v * factor) }),
});
