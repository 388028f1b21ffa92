import type { Distribution } from '../../distribution.js';
import type { RandomStream } from '../../stream.js';
import { logRegularizedGammaQ } from '../incomplete-gamma.js';
import { logGamma } from '../special-functions.js';
import { invertLogSurvival } from '../tail-inverse.js';

/** Gamma(shape, scale) given X > t, for the gamma and Erlang families: rejection while S(t) >= 1/4, else Newton on ln Q. */
export function gammaTail(shape: number, scale: number, d: Distribution, rng: RandomStream, t: number): number {
  const logSurvival = (x: number): number => logRegularizedGammaQ(shape, x / scale);
  const logSt = logSurvival(t);
  if (logSt >= Math.log(0.25)) {
    for (;;) {
      const x = d.sample(rng);
      if (x > t) return x - t;
    }
  }
  const logNorm = logGamma(shape) + shape * Math.log(scale);
  const logDensity = (x: number): number => (shape - 1) * Math.log(x) - x / scale - logNorm;
  const target = logSt + Math.log(1 - rng.nextDouble());
  return invertLogSurvival(logSurvival, logDensity, t, target, scale * Math.sqrt(shape)) - t;
}
