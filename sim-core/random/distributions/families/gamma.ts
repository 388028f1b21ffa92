import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';
import { gammaSample } from '../gamma-sampler.js';
import { regularizedGammaP } from '../incomplete-gamma.js';
import { gammaTail } from './gamma-tail.js';

type Spec = { type: 'gamma'; shape: number; scale: number };

/** Gamma with shape and scale (mean = shape × scale). */
export function gamma(shape: number, scale: number): Distribution {
  return { sample: (rng) => scale * gammaSample(rng, shape), mean: shape * scale, variance: shape * scale * scale };
}

export const gammaFamily: DistributionFamily<Spec> = {
  make: (s) => gamma(s.shape, s.scale),
  mean: (s) => s.shape * s.scale,
  cdf: (s) => (x) => regularizedGammaP(s.shape, x / s.scale),
  remaining: (s, d, rng, t) => gammaTail(s.shape, s.scale, d, rng, t),
};
