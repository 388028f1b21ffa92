import { z } from 'zod';
import { positive } from '../schema/common.js';
import { defineDistribution } from './distribution.js';
import { DISTRIBUTION_LIMITS } from './limits.js';

export const poisson = defineDistribution({
  type: 'poisson',
  schema: z.strictObject({
    type: z.literal('poisson'),
    mean: positive().max(
      DISTRIBUTION_LIMITS.poissonMean,
      `must be at most ${DISTRIBUTION_LIMITS.poissonMean} (a draw takes time in proportion to the mean; for larger counts use a gamma or a truncatedNormal)`,
    ),
  }),
  alwaysPositive: () => false,
  // A count of days: the same count of (days * factor) units.
  scale: (d, factor) => ({
    type: 'empirical',
    values: poissonSupport(d.mean).map((k) => k * factor),
    weights: poissonSupport(d.mean).map((k) => poissonPmf(k, d.mean)),
  }),
});

function poissonSupport(mean: number): number[] {
  const hi = Math.ceil(mean + 10 * Math.sqrt(mean) + 10);
  return Array.from({ length: hi + 1 }, (_, k) => k);
}

function poissonPmf(k: number, mean: number): number {
  let logp = -mean + k * Math.log(mean);
  for (let i = 2; i <= k; i++) logp -= Math.log(i);
  return Math.exp(logp);
}
