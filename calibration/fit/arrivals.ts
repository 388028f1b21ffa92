/**
 * Arrivals: rates by hour of the week with exact Poisson intervals, chi-square
 * tests of a flat rate over the hours of the day and the days of the week, of a
 * separable (day × hour) profile, and of Poisson dispersion of daily counts; the
 * result is the scenario's non-homogeneous Poisson profile (perDay, hourOfDay, dayOfWeek).
 */
import type { LogCase } from '../read/flow.js';
import { minuteOfWeek } from '../read/timestamps.js';
import type { ArrivalsInput } from '../build/scenario-types.js';
import { round } from './fit-duration.js';
import { chiSquareTail, poissonInterval } from './intervals.js';

export interface ChiSquareTest {
  statistic: number;
  df: number;
  pValue: number;
}

export interface RateCell {
  count: number;
  /** Hours (or days) of the window in this cell. */
  exposure: number;
  rate: number;
  ci: [number, number];
}

export interface ArrivalFit {
  count: number;
  days: number;
  perDay: number;
  perDayCi: [number, number];
  /** How `perDayCi` was found: exact Poisson, or a normal interval with the gamma-Poisson variance of overdispersed days. */
  perDayCiKind: 'poisson' | 'overdispersed';
  /** Per hour, Monday 00:00 first. */
  byHourOfWeek: RateCell[];
  /** Per hour, for each hour of the day. */
  byHourOfDay: RateCell[];
  /** Per day, Monday first. */
  byDayOfWeek: RateCell[];
  /** Arrivals on each day of the window. */
  daily: number[];
  tests: {
    hourOfDay: ChiSquareTest;
    dayOfWeek: ChiSquareTest;
    /** Day × hour independence: whether the scenario's product form (day weight × hour weight) is enough. */
    separable: ChiSquareTest;
    /** Daily counts against the fitted Poisson means: well above 1 (p small) means overdispersion (trends, seasons, clusters). */
    dispersion: ChiSquareTest & { index: number };
  };
  usesHourOfDay: boolean;
  usesDayOfWeek: boolean;
  /**
   * How much the days' rates vary beyond Poisson, as the coefficient of variation of a gamma factor per day
   * (method of moments; 0 when the days vary no more than Poisson). In the scenario when the dispersion test rejects.
   */
  dayToDayCv: number;
  usesDayToDay: boolean;
  spec: Extract<ArrivalsInput, { type: 'weekly' }>;
  /** The scenario's rate per hour for each hour of the week. */
  fittedPerHour: number[];
}

/** Arrivals of `cases` in the whole days [from, to) of the wall clock; patterns used when their test rejects a flat rate at `level`. */
export function fitArrivals(cases: readonly LogCase[], window: { from: number; to: number }, level: number): ArrivalFit {
  const days = Math.round((window.to - window.from) / 1440);
  const dayCount = new Array<number>(7).fill(0);
  for (let d = 0; d < days; d++) dayCount[Math.floor(minuteOfWeek(window.from + d * 1440) / 1440)]!++;
  const week = new Array<number>(168).fill(0);
  const daily = new Array<number>(days).fill(0);
  let count = 0;
  for (const c of cases) {
    if (c.arrivalWall < window.from || c.arrivalWall >= window.to) continue;
    week[Math.floor(minuteOfWeek(c.arrivalWall) / 60)]!++;
    daily[Math.floor((c.arrivalWall - window.from) / 1440)]!++;
    count++;
  }
  const cell = (n: number, exposure: number): RateCell => {
    const [lo, hi] = poissonInterval(n);
    return { count: n, exposure, rate: exposure > 0 ? n / exposure : 0, ci: [exposure > 0 ? lo / exposure : 0, exposure > 0 ? hi / exposure : 0] };
  };
  const byHourOfWeek = week.map((n, k) => cell(n, dayCount[Math.floor(k / 24)]!));
  const hourCounts = Array.from({ length: 24 }, (_, h) => week.filter((_, k) => k % 24 === h).reduce((a, b) => a + b, 0));
  const dayCounts = Array.from({ length: 7 }, (_, d) => week.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0));
  const byHourOfDay = hourCounts.map((n) => cell(n, days));
  const byDayOfWeek = dayCounts.map((n, d) => cell(n, dayCount[d]!));

  const hourOfDay = goodness(
    hourCounts,
    hourCounts.map(() => count / 24),
  );
  const dayOfWeek = goodness(
    dayCounts,
    dayCount.map((k) => (count * k) / days),
  );
  const expectedCell = week.map((_, k) => (count > 0 ? (dayCounts[Math.floor(k / 24)]! * hourCounts[k % 24]!) / count : 0));
  const separableRaw = goodness(week, expectedCell);
  const separable = { ...separableRaw, df: 6 * 23, pValue: chiSquareTail(separableRaw.statistic, 6 * 23) };

  const usesHourOfDay = hourOfDay.pValue < level || level >= 1;
  const usesDayOfWeek = dayOfWeek.pValue < level || level >= 1;
  const dayRates = byDayOfWeek.map((c) => c.rate);
  const perDay = usesDayOfWeek ? dayRates.reduce((a, b) => a + b, 0) / 7 : count / days;
  const hourWeights = hourCounts.map((n) => (count > 0 ? n / count : 1 / 24));
  const dayWeights = usesDayOfWeek && perDay > 0 ? dayRates.map((r) => r / perDay / 7) : new Array<number>(7).fill(1 / 7);
  const fittedPerHour = week.map((_, k) => perDay * 7 * dayWeights[Math.floor(k / 24)]! * (usesHourOfDay ? hourWeights[k % 24]! : 1 / 24));

  // Dispersion of daily counts around what the fitted profile expects on that weekday.
  const expectedDaily = daily.map((_, d) => perDay * 7 * dayWeights[Math.floor(minuteOfWeek(window.from + d * 1440) / 1440)]!);
  const dispersionRaw = goodness(daily, expectedDaily);
  const dispersionDf = Math.max(1, days - 1 - (usesDayOfWeek ? 6 : 0));
  const dispersion = {
    statistic: dispersionRaw.statistic,
    df: dispersionDf,
    pValue: chiSquareTail(dispersionRaw.statistic, dispersionDf),
    index: dispersionRaw.statistic / dispersionDf,
  };

  // A day's count is Poisson about μ·G with G gamma of mean 1: Var = μ + cv²μ², so cv² = Σ((n − μ)² − μ) / Σ μ².
  let excess = 0;
  let squares = 0;
  daily.forEach((n, d) => {
    const mu = expectedDaily[d]!;
    excess += (n - mu) * (n - mu) - mu;
    squares += mu * mu;
  });
  const dayToDayCv = squares > 0 && excess > 0 ? Math.min(2, Math.sqrt(excess / squares)) : 0;
  const usesDayToDay = dayToDayCv > 0 && (dispersion.pValue < level || level >= 1);

  // Overdispersed days: the count's variance is Σ(μ + cv²μ²), not Σμ, and the exact Poisson interval would be too narrow.
  const overdispersed = dayToDayCv > 0 && dispersion.pValue < 0.05;
  const [lo, hi] = overdispersed ? gammaPoissonInterval(count, expectedDaily, dayToDayCv) : poissonInterval(count);
  const spec: ArrivalFit['spec'] = { type: 'weekly', perDay: round(Math.max(perDay, 1e-6)) };
  if (usesHourOfDay) spec.hourOfDay = hourWeights.map((w) => round(w * 24));
  if (usesDayOfWeek) spec.dayOfWeek = dayWeights.map((w) => round(w * 7));
  if (usesDayToDay) spec.dayToDayCv = round(dayToDayCv);
  return {
    count,
    days,
    perDay,
    perDayCi: [lo / days, hi / days],
    perDayCiKind: overdispersed ? 'overdispersed' : 'poisson',
    byHourOfWeek,
    byHourOfDay,
    byDayOfWeek,
    daily,
    tests: { hourOfDay, dayOfWeek, separable, dispersion },
    usesHourOfDay,
    usesDayOfWeek,
    dayToDayCv,
    usesDayToDay,
    spec,
    fittedPerHour,
  };
}

/** Pearson's χ² = Σ (O − E)²/E over cells with E > 0; df = cells − 1. */
function goodness(observed: readonly number[], expected: readonly number[]): ChiSquareTest {
  let statistic = 0;
  let cells = 0;
  observed.forEach((o, i) => {
    const e = expected[i]!;
    if (e > 0) {
      statistic += ((o - e) * (o - e)) / e;
      cells++;
    }
  });
  const df = Math.max(1, cells - 1);
  return { statistic, df, pValue: chiSquareTail(statistic, df) };
}

/** 95% interval for a count whose days are Poisson about μ·G, G gamma of mean 1 and this cv: count ± 1.96·√Σ(μ + cv²μ²), at least 0. */
function gammaPoissonInterval(count: number, expected: readonly number[], cv: number): [number, number] {
  const variance = expected.reduce((v, mu) => v + mu + cv * cv * mu * mu, 0);
  const half = 1.959963984540054 * Math.sqrt(variance);
  return [Math.max(0, count - half), count + half];
}
