/** Weibull, p = [shape, scale]. */
import { logGamma } from '../../../sim-core/index.js';
import type { FitFamily } from './fit-family.js';
import { logCoordinates } from './fit-family.js';

export const weibullFit: FitFamily<{ type: 'weibull'; shape: number; scale: number }> = {
  parameters: 2,
  logDensity: ([a, b], x) => Math.log(a! / b!) + (a! - 1) * Math.log(x / b!) - Math.pow(x / b!, a!),
  logSurvival: ([a, b], x) => -Math.pow(x / b!, a!),
  cdf: ([a, b], x) => 1 - Math.exp(-Math.pow(x / b!, a!)),
  mean: ([a, b]) => b! * Math.exp(logGamma(1 + 1 / a!)),
  standardDeviation([a, b]) {
    const g1 = Math.exp(logGamma(1 + 1 / a!));
    const g2 = Math.exp(logGamma(1 + 2 / a!));
    return b! * Math.sqrt(Math.max(0, g2 - g1 * g1));
  },
  quantile: ([a, b], q) => b! * Math.pow(-Math.log1p(-q), 1 / a!),
  ...logCoordinates,
  toSpec: ([a, b]) => ({ type: 'weibull', shape: a!, scale: b! }),
  // Newton on Σxᵏ ln x / Σxᵏ − 1/k − (1/r) Σ_obs ln x = 0 (Cohen 1965), which holds with censoring.
  mle: (values, censored) => weibullMle(values, censored),
  censoredByLikelihood: false,
};

function weibullMle(values: readonly number[], censored: readonly boolean[]): number[] {
  // Work with y = x / x̄ so that yᵏ neither overflows nor underflows.
  const n = values.length;
  const xbar = values.reduce((s, x) => s + x, 0) / n;
  const y = values.map((x) => x / xbar);
  const logY = y.map(Math.log);
  let r = 0;
  let sumObservedLog = 0;
  for (let i = 0; i < n; i++) {
    if (censored[i] === true) continue;
    r++;
    sumObservedLog += logY[i]!;
  }
  const c = sumObservedLog / r;
  const g = (k: number): { value: number; slope: number } => {
    let a = 0;
    let b = 0;
    let d = 0;
    for (let i = 0; i < n; i++) {
      const yk = Math.pow(y[i]!, k);
      b += yk;
      a += yk * logY[i]!;
      d += yk * logY[i]! * logY[i]!;
    }
    return { value: a / b - 1 / k - c, slope: (d * b - a * a) / (b * b) + 1 / (k * k) };
  };
  // g increases in k: keep a bracket and take Newton steps inside it, else bisect.
  let lo = 1e-3;
  let hi = 1;
  while (g(hi).value < 0 && hi < 1e4) hi *= 2;
  let k = Math.min(hi, 1.2);
  for (let i = 0; i < 200; i++) {
    const { value, slope } = g(k);
    if (value > 0) hi = k;
    else lo = k;
    let next = k - value / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - k) < 1e-12 * k) {
      k = next;
      break;
    }
    k = next;
  }
  let sumYk = 0;
  for (const v of y) sumYk += Math.pow(v, k);
  return [k, xbar * Math.pow(sumYk / r, 1 / k)];
}
