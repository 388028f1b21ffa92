import type { Distribution } from '../distribution.js';
import { familyOf } from './families/index.js';

/** A distribution as plain data, the form scenario files carry. */
export type DistributionSpec =
  | { type: 'constant'; value: number }
  | { type: 'uniform'; min: number; max: number }
  | { type: 'triangular'; min: number; mode: number; max: number }
  | { type: 'exponential'; mean: number }
  | { type: 'erlang'; k: number; mean: number }
  | { type: 'gamma'; shape: number; scale: number }
  | { type: 'lognormal'; mean: number; sd: number }
  | { type: 'weibull'; shape: number; scale: number }
  | { type: 'truncatedNormal'; mean: number; sd: number; min?: number | undefined; max?: number | undefined }
  | { type: 'empirical'; values: number[]; weights?: number[] | undefined }
  | { type: 'empiricalContinuous'; values: number[] }
  | { type: 'bernoulli'; p: number }
  | { type: 'poisson'; mean: number }
  | { type: 'categorical'; weights: number[] };

/**
 * Which spec each sampler was made from, so that a draw conditional on time
 * already spent (conditional.ts) can use the family's own formula.
 */
const specs = new WeakMap<Distribution, DistributionSpec>();

/** The spec a sampler was made from by makeDistribution (undefined for one built by hand). */
export function specOf(d: Distribution): DistributionSpec | undefined {
  return specs.get(d);
}

/** The sampler for a spec, made by its family. */
export function makeDistribution(spec: DistributionSpec): Distribution {
  const d = familyOf(spec).make(spec);
  specs.set(d, spec);
  return d;
}
