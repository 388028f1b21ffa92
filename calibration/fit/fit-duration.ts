/**
 * One duration (an activity, the time between two steps, a length of stay):
 * the four maximum-likelihood fits with AIC, Kolmogorov–Smirnov and
 * Anderson–Darling, the empirical distribution, and the one chosen for the
 * scenario with the reason why.
 */
import { maxOf } from '../../scenarios/index.js';
import { meanConfidenceInterval, quantileSorted } from '../../sim-core/index.js';
import type { DistributionInput } from '../build/scenario-types.js';
import { cdf, FAMILIES, quantileOf, standardDeviation, type Family } from './families.js';
import { andersonDarling, kaplanMeier, kolmogorovSmirnov, type AdResult, type KsResult } from './goodness-of-fit.js';
import { fitFamily, type Fit } from './mle.js';

export interface FamilyFit extends Fit {
  ks: KsResult;
  ad: AdResult | null;
}

export interface DurationFit {
  /** Values in minutes, and which are right-censored (zeros kept as 0: see `zeroShare`). */
  values: number[];
  censored: boolean[];
  n: number;
  censoredCount: number;
  /** Values of 0 (two events at the same recorded time, or nothing between two steps). */
  zeros: number;
  /**
   * Share of the observed values that are 0: a point mass at 0, drawn apart (the scenario goes
   * straight on with this probability); `spec` and `fits` are of the values above 0.
   */
  zeroShare: number;
  /** Mean of the observed (uncensored) values with its 95% Student-t interval. */
  sampleMean: number;
  sampleMeanCi: [number, number];
  /** Longest value seen, minutes (censored ones included): what a sane fit is held against. */
  longest: number;
  fits: FamilyFit[];
  /** Families set aside though their AIC was smaller: their mean, sd or 99th percentile is far outside the data. */
  rejected: { family: Family; why: string }[];
  chosen: Family | 'empirical' | 'constant';
  /** The distribution of the values above 0 (all values when `zeroShare` is 0). */
  spec: DistributionInput;
  /** Mean of the whole distribution (the point mass at 0 included) and its 95% interval (NaN bounds when it has none). */
  mean: number;
  meanCi: [number, number];
  reason: string;
}

export type ChooseRule = 'aic' | 'aic-or-empirical' | 'empirical';

export interface FitOptions {
  minFit: number;
  choose: ChooseRule;
  /** The log's time step, minutes (kept for the report's wording; zeros are a point mass, not half a step). */
  resolution: number;
}

/**
 * How far outside the data a fitted family may reach before it is set aside: its 99th
 * percentile or its sd above this many times the longest value seen, or its mean above the
 * longest value itself. A fit that passes AIC and KS can still be absurd when a few extreme
 * values drive a lognormal's σ up (mean of days for waits of minutes).
 */
export const SANE_REACH = 10;

/** Why a fitted family is absurd for these data, or null when it is not. */
export function absurdity(f: Fit, longest: number): string | null {
  const p99 = quantileOf(f.family, f.params, 0.99);
  const sd = standardDeviation(f.family, f.params);
  const h = (x: number): string => humanMinutes(x);
  if (!(f.mean <= longest)) return `its mean ${h(f.mean)} is above the longest value seen (${h(longest)})`;
  if (!(p99 <= SANE_REACH * longest)) return `its 99th percentile ${h(p99)} is above ${SANE_REACH}× the longest value seen (${h(longest)})`;
  if (!(sd <= SANE_REACH * longest)) return `its sd ${h(sd)} is above ${SANE_REACH}× the longest value seen (${h(longest)})`;
  return null;
}

export function fitDuration(raw: readonly number[], rawCensored: readonly boolean[], options: FitOptions): DurationFit {
  const all = raw.map((x) => Math.max(0, x));
  const allCensored = all.map((_, i) => rawCensored[i] === true);
  // A censored 0 says nothing ("at least 0"): it is dropped. An observed 0 is part of the point mass.
  const zeros = all.filter((x, i) => x === 0 && !allCensored[i]).length;
  const keep = all.map((x) => x > 0);
  const values = all.filter((_, i) => keep[i]);
  const censored = allCensored.filter((_, i) => keep[i]);
  const observed = values.filter((_, i) => !censored[i]);
  const censoredCount = censored.filter(Boolean).length;
  const observedAll = all.filter((_, i) => !allCensored[i]);
  const zeroShare = observedAll.length > 0 ? zeros / observedAll.length : 0;
  const t = observedAll.length >= 2 ? meanConfidenceInterval(observedAll) : { mean: observedAll[0] ?? NaN, lo: NaN, hi: NaN };
  const longest = maxOf(all, 0);
  const base = {
    values: [...new Array<number>(zeros).fill(0), ...values],
    censored: [...new Array<boolean>(zeros).fill(false), ...censored],
    n: zeros + values.length,
    censoredCount,
    zeros,
    zeroShare,
    sampleMean: t.mean,
    sampleMeanCi: [Math.max(0, t.lo), t.hi] as [number, number],
    longest,
    rejected: [] as DurationFit['rejected'],
  };
  const constant = (value: number, reason: string, mean: number, meanCi: [number, number]): DurationFit => ({
    ...base,
    zeroShare: 0,
    fits: [],
    chosen: 'constant',
    spec: { type: 'constant', value: round(value) },
    mean,
    meanCi,
    reason,
  });

  if (values.length === 0 && zeros > 0) return constant(0, 'every value is 0', 0, [0, 0]);
  if (observed.length === 0 && zeros === 0) {
    return constant(longest, `all ${values.length} values are censored: only a lower bound (${fmt(longest)} min) is known`, longest, [NaN, NaN]);
  }
  // Scale of the whole distribution from that of the part above 0.
  const above = 1 - zeroShare;
  const whole = (m: number, ci: [number, number]): Pick<DurationFit, 'mean' | 'meanCi'> => ({ mean: above * m, meanCi: [above * ci[0], above * ci[1]] });
  const zeroNote = zeros > 0 ? `; ${zeros} zero${zeros === 1 ? '' : 's'} (${(100 * zeroShare).toFixed(1)}%) drawn as a point mass at 0, the rest fitted` : '';
  if (observed.length === 0) {
    return {
      ...constant(longest, `all ${values.length} values above 0 are censored: only a lower bound (${fmt(longest)} min) is known${zeroNote}`, above * longest, [
        NaN,
        NaN,
      ]),
      zeroShare,
    };
  }
  if (censoredCount === 0 && observed.every((x) => x === observed[0])) {
    return {
      ...constant(observed[0]!, `every value${zeros > 0 ? ' above 0' : ''} is the same${zeroNote}`, above * observed[0]!, [
        above * observed[0]!,
        above * observed[0]!,
      ]),
      zeroShare,
    };
  }

  const fits: FamilyFit[] = [];
  for (const family of FAMILIES) {
    const f = fitFamily(family, values, censored);
    if (!f || !Number.isFinite(f.logLikelihood)) continue;
    const F = (x: number): number => cdf(family, f.params, x);
    fits.push({ ...f, ks: kolmogorovSmirnov(values, F, censored), ad: andersonDarling(values, F, censored) });
  }
  fits.sort((a, b) => a.aic - b.aic);
  const rejected: DurationFit['rejected'] = [];
  const sane = fits.filter((f) => {
    const why = absurdity(f, longest);
    if (why) rejected.push({ family: f.family, why });
    return why === null;
  });
  const flagged = rejected.length > 0 ? `; set aside as absurd: ${rejected.map((r) => `${r.family} (${r.why})`).join('; ')}` : '';
  const best = sane[0];
  const empirical = (reason: string, familiesConsidered = true): DurationFit => {
    const spec = empiricalSpec(values, censored);
    const m = empiricalMean(spec.values);
    const ci = base.sampleMeanCi;
    return {
      ...base,
      rejected: familiesConsidered ? rejected : [],
      fits,
      chosen: 'empirical',
      spec,
      mean: above * m,
      meanCi: ci,
      reason: `${reason}${familiesConsidered ? flagged : ''}${zeroNote}`,
    };
  };

  if (observed.length < options.minFit)
    return empirical(`only ${observed.length} observed${zeros > 0 ? ' above 0' : ''}: fewer than ${options.minFit}, too few to choose a family`, false);
  if (!best) return empirical(fits.length === 0 ? 'no family could be fitted' : 'no family fitted is sane for these data: the empirical distribution is used');
  if (options.choose === 'empirical') return empirical('the mapping asks for empirical distributions');
  const chosenFit = { ...base, rejected, fits, chosen: best.family, spec: roundSpec(best.spec), ...whole(best.mean, best.meanCi) };
  const second = sane[1];
  const margin = second ? `, ${fmt(second.aic - best.aic)} below ${second.family}` : '';
  if (options.choose === 'aic-or-empirical' && censoredCount === 0 && observed.length >= 30 && best.ks.pValue < 0.01) {
    return empirical(
      `smallest AIC is ${best.family}, but every family is rejected by Kolmogorov–Smirnov at 1% (${best.family}: D = ${fmt(best.ks.statistic)}, p = ${fmtP(best.ks.pValue)}): empirical distribution used`,
    );
  }
  const censoring = censoredCount > 0 ? `; ${censoredCount} censored value${censoredCount === 1 ? '' : 's'} in the likelihood as "at least this long"` : '';
  return { ...chosenFit, reason: `smallest AIC${rejected.length > 0 ? ' of the sane families' : ''}${margin}${censoring}${flagged}${zeroNote}` };
}

/** Minutes in the unit a person would say them in (the report's way). */
function humanMinutes(minutes: number): string {
  if (!Number.isFinite(minutes)) return 'infinite';
  if (minutes < 1) return `${(minutes * 60).toFixed(0)} s`;
  if (minutes < 120) return `${fmt(minutes)} min`;
  if (minutes < 2880) return `${fmt(minutes / 60)} h`;
  return `${fmt(minutes / 1440)} days`;
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
    points = sorted.length <= 200 ? sorted : Array.from({ length: 201 }, (_, i) => quantileSorted(sorted, i / 200));
  } else {
    const km = kaplanMeier(values, censored);
    const longest = maxOf(values);
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
