/**
 * Maximum-likelihood fits of the four families to positive durations, some of
 * which may be right-censored (a stay still open when the log ends):
 * - exponential: mean = Σx / r, r the number observed (closed form);
 * - gamma: Newton on ln k − ψ(k) = ln x̄ − mean(ln x) (Choi & Wette 1969; start from Minka 2002);
 * - lognormal: μ, σ the mean and (1/n) standard deviation of ln x (closed form);
 * - Weibull: Newton on Σxᵏ ln x / Σxᵏ − 1/k − (1/r) Σ_obs ln x = 0 (Cohen 1965), which holds with censoring;
 * each in its family's module (families/<family>.ts). Censored gamma and lognormal fits maximise
 * the likelihood by Nelder–Mead from the uncensored fit.
 * Each fit carries an interval for its mean: exact chi-square for the exponential, else the
 * delta method on the observed information (numerical Hessian of the log-likelihood).
 */
import { zFor } from './intervals.js';
import { FIT_FAMILIES, fromFree, logLikelihood, mean, parameterCount, toFree, toSpec, type Family, type FittedSpec } from './families.js';
import { nelderMead } from './nelder-mead.js';

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
  const fit = FIT_FAMILIES[family];
  let params = fit.mle(values, censored);
  if (anyCensored && fit.censoredByLikelihood) {
    const negLogLik = (t: number[]): number => -logLikelihood(family, fromFree(family, t), values, censored);
    params = fromFree(family, nelderMead(negLogLik, toFree(family, params), { step: 0.2 }).x);
  }
  const ll = logLikelihood(family, params, values, censored);
  const m = mean(family, params);
  const cov = covariance(family, params, values, censored);
  const meanCi = fit.exactMeanInterval ? fit.exactMeanInterval(m, r) : deltaMeanInterval(family, params, cov);
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
    paramsCi: fit.exactMeanInterval ? [meanCi] : paramsCi,
  };
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
