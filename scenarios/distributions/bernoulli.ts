import { z } from 'zod';
import { probability } from '../schema/common.js';
import { defineDistribution } from './distribution.js';

export const bernoulli = defineDistribution({
  type: 'bernoulli',
  schema: z.strictObject({ type: z.literal('bernoulli'), p: probability() }),
  alwaysPositive: () => false,
  // 0 or 1 day: 0 or `factor` units, as an empirical distribution.
  scale: (d, factor) => ({ type: 'empirical', values: [0, factor], weights: [1 - d.p, d.p] }),
});
