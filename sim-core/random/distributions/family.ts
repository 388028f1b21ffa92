import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

/**
 * What one family of distributions knows about itself, given a spec of its
 * type: how to sample it, its mean, its CDF and how to draw what is left of
 * a duration already under way. One module per family in families/, one line
 * each in families/index.ts; nobody else switches on a spec's type.
 */
export interface DistributionFamily<S> {
  /** The sampler for the spec. */
  make(spec: S): Distribution;
  /** The theoretical mean. */
  mean(spec: S): number;
  /** The cumulative distribution function, for goodness of fit; absent for a discrete family (compare those by chi-square). */
  cdf?(spec: S): (x: number) => number;
  /** A draw of X − t given X > t (t > 0), with `d` the sampler made from the spec (see conditional.ts). */
  remaining(spec: S, d: Distribution, rng: RandomStream, t: number): number;
}
