/**
 * Maximum-likelihood fits of the four families to positive durations, some of
 * which may be right-censored (a stay still open when the log ends):
 * - exponential: mean = Σx / r, r the number observed (closed form);
 * - gamma: Newton on ln k − ψ(k) = ln x̄ − mean(ln x) (Choi & Wette 1969; start from Minka 2002);
 * - lognormal: μ, σ the mean and (1/n) standard deviation of ln x (closed form);
 * - Weibull: Newton on Σxᵏ ln x / Σxᵏ − 1/k − (1/r) Σ_obs ln x = 0 (Cohen 1965), which holds with censoring.
 * Censored gamma and lognormal fits maximise the likelihood by Nelder–Mead from the uncensored fit.
 * Each fit carries an interval for its mean: exact chi-square for the exponential, else the
 * delta method on the observed information (numerical Hessian of the log-likelihood).
 */
import { chiSquareQuantile, zFor } from './intervals.js';
import { fromFree, logLikelihood, mean, parameterCount, toFree, toSpec, type Family, type FittedSpec } from './families.js';
import { nelderMead } from './nelder-mead.js';
import { digamma, trigamma } from './special.js';

export interface Fit {
  family: Family;
  params: number[];
  spec: FittedSpec;
  logLikelihood: number;
  /** Akaike information criterion, 2p − 2 ln L. */
  aic: number;
  mean: number;
  /** 95% interval for the mean. */
  meanCi: [number, number];
  /** 95% interval for each parameter (Wald, in the coordinates of `toFree`; NaN when the information is singular). */
  paramsCi: [number, number][];
}

/** Fits `family` to values (> 0); censored[i] marks values[i] as "at least this long". Null when nothing is observed. */
export function fitFamily(family: Family, values: readonly number[], censored: readonly boolean[] = []): Fit | null {
  const isCensored = (i: number): boolean => censored[i] === true;
  const r = values.reduce((k, _, i) => k + (isCensored(i) ? 0 : 1), 0);
  if (r === 0 || values.some((x) => !(x > 0))) return null;
  const anyCensored = r < values.length;
  let params: number[];
  switch (family) {
    case 'exponential':
      params = [values.reduce((s, x) => s + x, 0) / r];
      break;
    case 'weibull':
      params = weibullMle(values, censored);
      break;
    case 'gamma':
      params = gammaMle(values);
      break;
    case 'lognormal':
      params = lognormalMle(values);
      break;
  }
  if (anyCensored && (family === 'gamma' || family === 'lognormal')) {
    const negLogLik = (t: number[]): number => -logLikelihood(family, fromFree(family, t), values, censored);
    params = fromFree(family, nelderMead(negLogLik, toFree(family, params), { step: 0.2 }).x);
  }
  const ll = logLikelihood(family, params, values, censored);
  const m = mean(family, params);
  const cov = covariance(family, params, values, censored);
  const meanCi = family === 'exponential' ? exponentialMeanInterval(m, r) : deltaMeanInterval(family, params, cov);
  const t0 = toFree(family, params);
  const z = zFor(0.95);
  const paramsCi = t0.map((t, i): [number, number] => {
    const se = cov ? Math.sqrt(cov[i]![i]!) : NaN;
    const lo = fromFree(
      family,
      t0.map((v, j) => (j === i ? t - z * se : v)),
    )[i]!;
    const hi = fromFree(
      family,
      t0.map((v, j) => (j === i ? t + z * se : v)),
    )[i]!;
    return [lo, hi];
  });
  return {
    family,
    params,
    spec: toSpec(family, params),
    logLikelihood: ll,
    aic: 2 * parameterCount(family) - 2 * ll,
    mean: m,
    meanCi,
    paramsCi: family === 'exponential' ? [meanCi] : paramsCi,
  };
}

function lognormalMle(values: readonly number[]): number[] {
  const logs = values.map(Math.log);
  const mu = logs.reduce((s, x) => s + x, 0) / logs.length;
  const sigma = Math.sqrt(logs.reduce((s, x) => s + (x - mu) * (x - mu), 0) / logs.length);
  return [mu, Math.max(sigma, 1e-9)];
}

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

/** 2r·x̄/μ is χ² with 2r degrees of freedom (exact without censoring, the usual approximation with it). */
function exponentialMeanInterval(m: number, r: number): [number, number] {
  return [(2 * r * m) / chiSquareQuantile(0.975, 2 * r), (2 * r * m) / chiSquareQuantile(0.025, 2 * r)];
}

/** The inverse observed information in free coordinates (numerical Hessian of the log-likelihood), or null. */
function covariance(family: Family, params: number[], values: readonly number[], censored: readonly boolean[]): number[][] | null {
  const t0 = toFree(family, params);
  const f = (t: number[]): number => logLikelihood(family, fromFree(family, t), values, censored);
  const h = 1e-4;
  const k = t0.length;
  const hess: number[][] = [];
  for (let i = 0; i < k; i++) {
    hess.push([]);
    for (let j = 0; j < k; j++) {
      const v =
        (f(shift(shift(t0, i, h), j, h)) - f(shift(shift(t0, i, h), j, -h)) - f(shift(shift(t0, i, -h), j, h)) + f(shift(shift(t0, i, -h), j, -h))) /
        (4 * h * h);
      hess[i]!.push(-v);
    }
  }
  return invert2(hess);
}

function shift(t: number[], i: number, d: number): number[] {
  return t.map((v, j) => (j === i ? v + d : v));
}

/** exp(ln m ± z·se(ln m)), se by the delta method from the covariance in free coordinates. */
function deltaMeanInterval(family: Family, params: number[], cov: number[][] | null): [number, number] {
  if (!cov) return [NaN, NaN];
  const t0 = toFree(family, params);
  const logMean = (t: number[]): number => Math.log(mean(family, fromFree(family, t)));
  const h = 1e-4;
  const grad = t0.map((_, i) => (logMean(shift(t0, i, h)) - logMean(shift(t0, i, -h))) / (2 * h));
  let variance = 0;
  for (let i = 0; i < t0.length; i++) for (let j = 0; j < t0.length; j++) variance += grad[i]! * cov[i]![j]! * grad[j]!;
  if (!(variance >= 0)) return [NaN, NaN];
  const m = mean(family, params);
  const se = Math.sqrt(variance) * zFor(0.95);
  return [m * Math.exp(-se), m * Math.exp(se)];
}

function invert2(a: number[][]): number[][] | null {
  if (a.length === 1) return a[0]![0]! > 0 ? [[1 / a[0]![0]!]] : null;
  const [[p, q], [r, s]] = a as [[number, number], [number, number]];
  const det = p * s - q * r;
  if (!(det > 0) || !(p > 0)) return null;
  return [
    [s / det, -q / det],
    [-r / det, p / det],
  ];
}
