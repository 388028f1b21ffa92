import type { DistributionFamily } from '../family.js';
import type { Distribution } from '../../distribution.js';
import { regularizedGammaP } from '../incomplete-gamma.js';
import { gammaTail } from './gamma-tail.js';

type Spec = { type: 'erlang'; k: number; mean: number };

/** Erlang: the sum of k exponential phases, with overall mean `mean`. */
export function erlang(k: number, mean: number): Distribution {
  const phaseMean = mean / k;
  return {
    sample(rng) {
      // The product of uniforms needs one log instead of k; guarded against underflow for large k.
      let total = 0;
      let product = 1;
      for (let i = 0; i < k; i++) {
        product *= 1 - rng.next();
        if (product < 1e-280) {
          total += -Math.log(product);
          product = 1;
        }
      }
      return phaseMean * (total - Math.log(product));
    },
    mean,
    variance: k * phaseMean * phaseMean,
  };
}

export const erlangFamily: DistributionFamily<Spec> = {
  make: (s) => erlang(s.k, s.mean),
  mean: (s) => s.mean,
  cdf: (s) => (x) => regularizedGammaP(s.k, (x * s.k) / s.mean),
  remaining: (s, d, rng, t) => gammaTail(s.k, s.mean / s.k, d, rng, t),
};
