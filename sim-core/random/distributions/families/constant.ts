import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';

type Spec = { type: 'constant'; value: number };

/** Always `value`: fixed durations such as a scheduled 30-minute slot. */
export function constant(value: number): Distribution {
  return { sample: () => value, mean: value, variance: 0 };
}

export const constantFamily: DistributionFamily<Spec> = {
  make: (s) => constant(s.value),
  mean: (s) => s.value,
  remaining: (s, _d, _rng, t) => s.value - t,
};
