import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';
import type { RandomStream } from '../../stream.js';
import { regularizedGammaP } from '../incomplete-gamma.js';
import { logGamma } from '../special-functions.js';

type Spec = { type: 'poisson'; mean: number };

/** Poisson counts with the given mean (Knuth's product method, in chunks of mean at most 30). */
export function poisson(mean: number): Distribution {
  return {
    sample(rng) {
      // Split large means into chunks of at most 30 (a sum of Poissons is Poisson),
      // so the product of uniforms never underflows and cost stays O(mean).
      let remaining = mean;
      let count = 0;
      while (remaining > 0) {
        const chunk = Math.min(remaining, 30);
        remaining -= chunk;
        const limit = Math.exp(-chunk);
        let product = rng.next();
        while (product > limit) {
          count++;
          product *= rng.next();
        }
      }
      return count;
    },
    mean,
    variance: mean,
  };
}

export const poissonFamily: DistributionFamily<Spec> = {
  make: (s) => poisson(s.mean),
  mean: (s) => s.mean,
  remaining: (s, _d, rng, t) => poissonTail(s.mean, rng, t),
};

/** A Poisson count given it exceeds t: inverse of the tail pmf from the first integer above t. */
function poissonTail(mean: number, rng: RandomStream, t: number): number {
  const first = Math.floor(t) + 1;
  const tail = regularizedGammaP(first, mean); // P(X >= first)
  if (!(tail > 0)) return 0;
  let k = first;
  let p = Math.exp(-mean + k * Math.log(mean) - logGamma(k + 1));
  let u = rng.nextDouble() * tail;
  while (u > p && p > 0) {
    u -= p;
    k++;
    p *= mean / k;
  }
  return k - t;
}
