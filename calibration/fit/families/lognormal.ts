/** Lognormal, p = [μ, σ] of ln x (the scenario form gives the mean and sd of x). */
import { normalCdf } from '../../../sim-core/index.js';
import { logNormalSurvival } from '../special.js';
import type { FitFamily } from './fit-family.js';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

export const lognormalFit: FitFamily<{ type: 'lognormal'; mean: number; sd: number }> = {
  parameters: 2,
  logDensity([a, b], x) {
    const z = (Math.log(x) - a!) / b!;
    return -Math.log(x) - Math.log(b!) - LOG_SQRT_2PI - 0.5 * z * z;
  },
  logSurvival: ([a, b], x) => logNormalSurvival((Math.log(x) - a!) / b!),
  cdf: ([a, b], x) => normalCdf((Math.log(x) - a!) / b!),
  mean: ([a, b]) => Math.exp(a! + (b! * b!) / 2),
  standardDeviation: ([a, b]) => Math.exp(a! + (b! * b!) / 2) * Math.sqrt(Math.expm1(b! * b!)),
  quantile: ([a, b], q) => Math.exp(a! + b! * normalQuantile(q)),
  // μ as it is, σ by its log.
  toFree: (p) => [p[0]!, Math.log(p[1]!)],
  fromFree: (t) => [t[0]!, Math.exp(t[1]!)],
  toSpec([a, b]) {
    const m = Math.exp(a! + (b! * b!) / 2);
    return { type: 'lognormal', mean: m, sd: m * Math.sqrt(Math.expm1(b! * b!)) };
  },
  // μ, σ: the mean and (1/n) standard deviation of ln x (closed form).
  mle: (values) => lognormalMle(values),
  censoredByLikelihood: true,
};

/** Φ⁻¹(q) by bisection on Φ (only a few quantiles are asked for, so speed does not matter). */
function normalQuantile(q: number): number {
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function lognormalMle(values: readonly number[]): number[] {
  const logs = values.map(Math.log);
  const mu = logs.reduce((s, x) => s + x, 0) / logs.length;
  const sigma = Math.sqrt(logs.reduce((s, x) => s + (x - mu) * (x - mu), 0) / logs.length);
  return [mu, Math.max(sigma, 1e-9)];
}
