import { z } from 'zod';
import { defineDistribution } from './distribution.js';
import { duration } from './limits.js';

export const constant = defineDistribution({
  type: 'constant',
  schema: z.strictObject({ type: z.literal('constant'), value: duration() }),
  alwaysPositive: (d) => d.value > 0,
  scale: (d, factor) => ({ ...d, value: d.value * factor }),
});
