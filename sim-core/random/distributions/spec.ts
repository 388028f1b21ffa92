import type { Distribution } from '../distribution.js';
import { constant, erlang, exponential, gamma, lognormal, triangular, uniform, weibull } from './continuous.js';
import { bernoulli, categorical, empiricalContinuous, empiricalDiscrete, poisson } from './discrete.js';
import { truncatedNormal } from './truncated-normal.js';

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

/** The sampler for a spec. */
export function makeDistribution(spec: DistributionSpec): Distribution {
  const d = samplerFor(spec);
  specs.set(d, spec);
  return d;
}

function samplerFor(spec: DistributionSpec): Distribution {
  switch (spec.type) {
    case 'constant':
      return constant(spec.value);
    case 'uniform':
      return uniform(spec.min, spec.max);
    case 'triangular':
      return triangular(spec.min, spec.mode, spec.max);
    case 'exponential':
      return exponential(spec.mean);
    case 'erlang':
      return erlang(spec.k, spec.mean);
    case 'gamma':
      return gamma(spec.shape, spec.scale);
    case 'lognormal':
      return lognormal(spec.mean, spec.sd);
    case 'weibull':
      return weibull(spec.shape, spec.scale);
    case 'truncatedNormal':
      return truncatedNormal(spec.mean, spec.sd, spec.min, spec.max);
    case 'empirical':
      return empiricalDiscrete(spec.values, spec.weights);
    case 'empiricalContinuous':
      return empiricalContinuous(spec.values);
    case 'bernoulli':
      return bernoulli(spec.p);
    case 'poisson':
      return poisson(spec.mean);
    case 'categorical':
      return categorical(spec.weights);
  }
}
