import type { RandomStream } from '../stream.js';
import { standardNormal } from './normal-sampler.js';

/**
 * A Gamma(shape, 1) draw by Marsaglia and Tsang's squeeze method (2000); for
 * shape < 1 it boosts to shape + 1 and scales by U^(1/shape).
 */
export function gammaSample(rng: RandomStream, shape: number): number {
  if (shape < 1) {
    const boost = Math.pow(1 - rng.nextDouble(), 1 / shape);
    return gammaSample(rng, shape + 1) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.nextDouble();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
