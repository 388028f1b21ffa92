import type { RandomStream } from './stream.js';

/** A probability distribution that samples from a given stream. */
export interface Distribution {
  /** One draw, using numbers from `rng`. */
  sample(rng: RandomStream): number;
  /** Theoretical mean (NaN where undefined). */
  readonly mean: number;
  /** Theoretical variance (NaN where undefined). */
  readonly variance: number;
}
