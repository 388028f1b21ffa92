/** Gamma, p = [shape, scale]. */
import { logGamma, logRegularizedGammaQ, regularizedGammaP } from '../../../sim-core/index.js';
import { digamma, trigamma } from '../special.js';
import type { FitFamily } from './fit-family.js';
import { logCoordinates } from './fit-family.js';

export const gammaFit: FitFamily<{ type: 'gamma'; shape: number; scale: number }> = {
  parameters: 2,
  logDensity: ([a, b], x) => (a! - 1) * Math.log(x) - x / b! - logGamma(a!) - a! * Math.log(b!),
  logSurvival: ([a, b], x) => logRegularizedGammaQ(a!, x / b!),
  cdf: ([a, b], x) => regularizedGammaP(a!, x / b!),
  mean: ([a, b]) => a! * b!,
  standardDeviation: ([a, b]) => Math.sqrt(a!) * b!,
  // No closed form: bisection on the CDF.
  quantile([a, b], q) {
    let lo = 0;
    let hi = Math.max(1e-12, a! * b!);
    for (let i = 0; i < 2000 && regularizedGammaP(a!, hi / b!) < q; i++) hi *= 2;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (regularizedGammaP(a!, mid / b!) < q) lo = mid;
      else hi = mid;
      if (hi - lo < 1e-12 * hi) break;
    }
    return (lo + hi) / 2;
  },
  ...logCoordinates,
  toSpec: ([a, b]) => ({ type: 'gamma', shape: a!, scale: b! }),
  // Newton on ln k − ψ(k) = ln x̄ − mean(ln x) (Choi & Wette 1969; start from Minka 2002).
  mle: (values) => gammaMle(values),
  censoredByLikelihood: true,
};

function gammaMle(values: readonly number[]): number[] {
  const n = values.length;
  const xbar = values.reduce((s, x) => s + x, 0) / n;
  const meanLog = values.reduce((s, x) => s + Math.log(x), 0) / n;
  const s = Math.log(xbar) - meanLog;
  if (!(s > 1e-12)) return [1e6, xbar / 1e6];
  let k = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
  for (let i = 0; i < 100; i++) {
    const f = Math.log(k) - digamma(k) - s;
    const df = 1 / k - trigamma(k);
    let next = k - f / df;
    if (!(next > 0)) next = k / 2;
    if (Math.abs(next - k) < 1e-12 * k) {
      k = next;
      break;
    }
    k = next;
  }
  return [k, xbar / k];
}
