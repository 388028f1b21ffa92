import type { Distribution } from '../distribution.js';
import { standardNormal } from './normal-sampler.js';
import { gammaSample } from './gamma-sampler.js';
import { logGamma } from './special-functions.js';

/** Always `value`: fixed durations such as a scheduled 30-minute slot. */
export function constant(value: number): Distribution {
  return { sample: () => value, mean: value, variance: 0 };
}

/** Uniform on [min, max). */
export function uniform(min: number, max: number): Distribution {
  const width = max - min;
  return { sample: (rng) => min + width * rng.next(), mean: (min + max) / 2, variance: (width * width) / 12 };
}

/** Triangular with the given min, mode and max (the classic "three-point estimate"). */
export function triangular(min: number, mode: number, max: number): Distribution {
  const width = max - min;
  const split = width > 0 ? (mode - min) / width : 0;
  return {
    sample(rng) {
      const u = rng.next();
      return u < split ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
    },
    mean: (min + mode + max) / 3,
    variance: (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18,
  };
}

/** Exponential with the given mean (not rate: hospitals report means). */
export function exponential(mean: number): Distribution {
  return { sample: (rng) => -mean * Math.log(1 - rng.next()), mean, variance: mean * mean };
}

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

/** Gamma with shape and scale (mean = shape × scale). */
export function gamma(shape: number, scale: number): Distribution {
  return { sample: (rng) => scale * gammaSample(rng, shape), mean: shape * scale, variance: shape * scale * scale };
}

/** Normal with mean and standard deviation (may be negative: prefer truncatedNormal for durations). */
export function normal(mean: number, sd: number): Distribution {
  return { sample: (rng) => mean + sd * standardNormal(rng), mean, variance: sd * sd };
}

/**
 * Lognormal given the mean and sd of the variable itself, as lengths of stay are
 * reported, not of its logarithm.
 */
export function lognormal(mean: number, sd: number): Distribution {
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  const mu = Math.log(mean) - sigma2 / 2;
  const sigma = Math.sqrt(sigma2);
  return { sample: (rng) => Math.exp(mu + sigma * standardNormal(rng)), mean, variance: sd * sd };
}

/** Weibull with shape k and scale λ. */
export function weibull(shape: number, scale: number): Distribution {
  const g1 = Math.exp(logGamma(1 + 1 / shape));
  const g2 = Math.exp(logGamma(1 + 2 / shape));
  return {
    sample: (rng) => scale * Math.pow(-Math.log(1 - rng.nextDouble()), 1 / shape),
    mean: scale * g1,
    variance: scale * scale * (g2 - g1 * g1),
  };
}
