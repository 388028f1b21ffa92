import type { Distribution } from '../distribution.js';
import { categorical } from './families/categorical.js';
import { makeDistribution, type DistributionSpec } from './spec.js';

/**
 * One sampler per spec object, for every replication of a model. Samplers keep
 * no state (the stream is passed to `sample`), so sharing them changes no
 * number; it gives V8 the same `sample` functions in every replication, which
 * keep their optimised code, where new closures per replication were optimised
 * anew each time in worker threads.
 */
const bySpec = new WeakMap<DistributionSpec, Distribution>();
const byWeights = new WeakMap<readonly number[], Distribution>();

export function sharedDistribution(spec: DistributionSpec): Distribution {
  let d = bySpec.get(spec);
  if (d === undefined) {
    d = makeDistribution(spec);
    bySpec.set(spec, d);
  }
  return d;
}

export function sharedCategorical(weights: readonly number[]): Distribution {
  let d = byWeights.get(weights);
  if (d === undefined) {
    d = categorical(weights);
    byWeights.set(weights, d);
  }
  return d;
}
