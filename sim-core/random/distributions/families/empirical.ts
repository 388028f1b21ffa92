import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';
import { categorical } from './categorical.js';
import { discreteTail } from './discrete-tail.js';

type Spec = { type: 'empirical'; values: number[]; weights?: number[] | undefined };

/** One of `values`, with probability proportional to `weights` (equal if omitted): data as observed. */
export function empiricalDiscrete(values: readonly number[], weights?: readonly number[]): Distribution {
  const w = weights ?? values.map(() => 1);
  const index = categorical(w);
  const total = w.reduce((s, x) => s + x, 0);
  const mean = values.reduce((s, v, i) => s + (v * w[i]!) / total, 0);
  const second = values.reduce((s, v, i) => s + (v * v * w[i]!) / total, 0);
  return { sample: (rng) => values[index.sample(rng)]!, mean, variance: second - mean * mean };
}

export const empiricalFamily: DistributionFamily<Spec> = {
  make: (s) => empiricalDiscrete(s.values, s.weights),
  mean(s) {
    const w = s.weights ?? s.values.map(() => 1);
    const total = w.reduce((sum, x) => sum + x, 0);
    return s.values.reduce((sum, v, i) => sum + (v * w[i]!) / total, 0);
  },
  remaining: (s, _d, rng, t) => discreteTail(s.values, s.weights, rng, t),
};
