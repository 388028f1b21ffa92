/**
 * One duration (an activity, the time between two steps, a length of stay):
 * the four maximum-likelihood fits with AIC, Kolmogorov–Smirnov and
 * Anderson–Darling, the empirical distribution, and the one chosen for the
 * scenario with the reason why.
 */
import { meanConfidenceInterval } from '../../sim-core/index.js';
import type { DistributionInput } from '../build/scenario-types.js';
import { cdf, FAMILIES, type Family } from './families.js';
import { andersonDarling, kaplanMeier, kolmogorovSmirnov, type AdResult, type KsResult } from './goodness-of-fit.js';
import { quantile } from './intervals.js';
import { fitFamily, type Fit } from './mle.js';

export interface FamilyFit extends Fit {
  ks: KsResult;
  ad: AdResult | null;
}

export interface DurationFit {
  /** Values in minutes (zeros replaced, see `zeros`), and which are right-censored. */
  values: number[];
  censored: boolean[];
  n: number;
  censoredCount: number;
  /** Values of 0 (two events at the same recorded time) taken as half the log's time step. */
  zeros: number;
  /** Mean of the observed (uncensored) values with its 95% Student-t interval. */
  sampleMean: number;
  sampleMeanCi: [number, number];
  fits: FamilyFit[];
  chosen: Family | 'empirical' | 'constant';
  spec: DistributionInput;
  /** Mean of the chosen distribution and its 95% interval (NaN bounds when it has none). */
  mean: number;
  meanCi: [number, number];
  reason: string;
}

export type ChooseRule = 'aic' | 'aic-or-empirical' | 'empirical';

export interface FitOptions {
  minFit: number;
  choose: ChooseRule;
  /** The log's time step, minutes: a 0 is taken as half of it, so every family can be fitted. */
  resolution: number;
}

export function fitDuration(raw: readonly number[], rawCensored: readonly boolean[], options: FitOptions): DurationFit {
  const half = options.resolution / 2;
  let zeros = 0;
  const values = raw.map((x) => {
    if (x > 0) return x;
    zeros++;
    return half;
  });
  const censored = values.map((_, i) => rawCensored[i] === true);
  const observed = values.filter((_, i) => !censored[i]);
  const censoredCount = values.length - observed.length;
  const t = observed.length >= 2 ? meanConfidenceInterval(observed) : { mean: observed[0] ?? NaN, lo: NaN, hi: NaN };
  const base = { values, censored, n: values.length, censoredCount, zeros, sampleMean: t.mean, sampleMeanCi: [t.lo, t.hi] as [number, number] };

  if (observed.length === 0) {
    const longest = Math.max(...values);
    return { ...base, fits: [], chosen: 'constant', spec: { type: 'constant', value: round(longest) }, mean: longest, meanCi: [NaN, NaN], reason: `all ${values.length} values are censored: only a lower bound (${fmt(longest)} min) is known` };
  }
  if (censoredCount === 0 && observed.every((x) => x === observed[0])) {
    return { ...base, fits: [], chosen: 'constant', spec: { type: 'constant', value: round(observed[0]!) }, mean: observed[0]!, meanCi: [observed[0]!, observed[0]!], reason: 'every value is the same' };
  }

  const fits: FamilyFit[] = [];
  for (const family of FAMILIES) {
    const f = fitFamily(family, values, censored);
    if (!f || !Number.isFinite(f.logLikelihood)) continue;
    const F = (x: number): number => cdf(family, f.params, x);
    fits.push({ ...f, ks: kolmogorovSmirnov(values, F, censored), ad: andersonDarling(values, F, censored) });
  }
  fits.sort((a, b) => a.aic - b.aic);
  const best = fits[0];
  const empirical = (reason: string): DurationFit => {
    const spec = empiricalSpec(values, censored);
    const m = empiricalMean(spec.values);
    return { ...base, fits, chosen: 'empirical', spec, mean: m, meanCi: base.sampleMeanCi, reason };
  };

  if (observed.length < options.minFit) return empirical(`only ${observed.length} observed: fewer than ${options.minFit}, too few to choose a family`);
  if (!best) return empirical('no family could be fitted');
  if (options.choose === 'empirical') return empirical('the mapping asks for empirical distributions');
  const chosenFit = { ...base, fits, chosen: best.family, spec: roundSpec(best.spec), mean: best.mean, meanCi: best.meanCi };
  const second = fits[1];
  const margin = second ? `, ${fmt(second.aic - best.aic)} below ${second.family}` : '';
  if (options.choose === 'aic-or-empirical' && censoredCount === 0 && observed.length >= 30 && best.ks.pValue < 0.01) {
    return empirical(`smallest AIC is ${best.family}, but every family is rejected by Kolmogorov–Smirnov at 1% (${best.family}: D = ${fmt(best.ks.statistic)}, p = ${fmtP(best.ks.pValue)}): empirical distribution used`);
  }
  const censoring = censoredCount > 0 ? `; ${censoredCount} censored value${censoredCount === 1 ? '' : 's'} in the likelihood as "at least this long"` : '';
  return { ...chosenFit, reason: `smallest AIC${margin}${censoring}` };
}

/**
 * The empirical distribution as the scenario's `empiricalContinuous`: all sorted values up to 200,
 * else 201 quantiles. With censoring, the Kaplan–Meier quantiles; mass beyond the last observed
 * time is put at the longest value seen (the usual convention: a lower bound on the tail).
 */
export function empiricalSpec(values: readonly number[], censored: readonly boolean[]): { type: 'empiricalContinuous'; values: number[] } {
  let points: number[];
  if (!censored.some((c) => c)) {
    const sorted = [...values].sort((a, b) => a - b);
    points = sorted.length <= 200 ? sorted : Array.from({ length: 201 }, (_, i) => quantile(sorted, i / 200));
  } else {
    const km = kaplanMeier(values, censored);
    const longest = Math.max(...values);
    points = Array.from({ length: 201 }, (_, i) => {
      const q = i / 200;
      const k = km.cdf.findIndex((f) => f >= q - 1e-12);
      return k < 0 ? longest : km.times[k]!;
    });
  }
  const rounded = points.map(round);
  if (rounded.length === 1) rounded.push(rounded[0]!);
  return { type: 'empiricalContinuous', values: rounded };
}

function empiricalMean(values: readonly number[]): number {
  let m = 0;
  for (let i = 0; i + 1 < values.length; i++) m += (values[i]! + values[i + 1]!) / 2;
  return m / (values.length - 1);
}

/** Five significant digits: the scenario file stays readable and the fit unchanged for any purpose. */
export function round(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const digits = 5 - Math.ceil(Math.log10(Math.abs(x)));
  const f = Math.pow(10, Math.max(-10, Math.min(12, digits)));
  return Math.round(x * f) / f;
}

function roundSpec(spec: Fit['spec']): DistributionInput {
  const out: Record<string, number | string> = {};
  for (const [k, v] of Object.entries(spec)) out[k] = typeof v === 'number' ? round(v) : v;
  return out as DistributionInput;
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1000) return x.toFixed(0);
  if (a >= 100) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(3);
}

export function fmtP(p: number): string {
  if (!Number.isFinite(p)) return '–';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}
