/**
 * Forecasts (their samples) scored against what happened, per series (each
 * ward's census, ED waiting) and hour ahead: coverage of the central 50, 80
 * and 90% bands by the randomised PIT, a PIT histogram, CRPS, mean error of
 * the mean, and mean absolute error of the median beside two forecasts that
 * need no model: persistence (the count at hour 0 stays) and the same hour a
 * week earlier. Every figure is a mean over forecasts, with its standard error
 * over forecasts (a forecast's hours move together; forecasts far apart hardly do).
 */
import { localMinutes, formatLocal } from '../../scenarios/index.js';
import { quantileSorted } from '../../sim-core/index.js';
import { samplesAtHour, type ForecastSamples, type SampleMeasure } from '../forecast/forecast-samples.js';
import { centralCoverage } from './central-coverage.js';
import { crpsOfSorted } from './crps.js';
import { meanAndSe, type Estimate } from './mean-and-se.js';
import { addPit } from './pit-histogram.js';
import { pitInterval } from './pit.js';
import { ratioOfMeans } from './ratio-of-means.js';
import type { Truth } from './truth.js';

export const BAND_LEVELS = [0.5, 0.8, 0.9] as const;
const WEEK_MINUTES = 7 * 1440;

export interface ScoreOptions {
  /** Hours ahead pooled for the headline figures, from and to (both included). */
  pooled: [number, number];
  /** PIT histogram bins (10 unless asked). */
  bins?: number;
}

export interface HorizonScore {
  /** Hours ahead (one hour), or the pooled range's first hour. */
  hour: number;
  /** Coverage of the central 50, 80 and 90% bands, shares. */
  coverage50: Estimate;
  coverage80: Estimate;
  coverage90: Estimate;
  /** CRPS, in the series' unit. */
  crps: Estimate;
  /** Forecast mean − truth, in the series' unit. */
  meanError: Estimate;
  /** Mean absolute error of the median forecast, of persistence and of the same hour last week. */
  maeMedian: Estimate;
  maePersistence: Estimate;
  maeLastWeek: Estimate;
  /** MAE of the median over MAE of persistence, and over last week's (where the truth covers last week). */
  maeRatioToPersistence: Estimate;
  maeRatioToLastWeek: Estimate;
}

export interface SeriesScore {
  name: string;
  measure: SampleMeasure;
  unit: 'beds' | 'patients';
  byHour: HorizonScore[];
  pooled: HorizonScore;
  /** Share of PIT in each bin (sums to 1), over every (forecast, hour) of the pooled range. */
  pitHistogram: number[];
  pitCount: number;
}

export interface ScoreReport {
  forecasts: { asOf: string; hours: number; replications: number; label: string }[];
  truth: string;
  pooledHours: [number, number];
  series: SeriesScore[];
  /** Hour marks a forecast asked about that the truth does not cover (left out of every figure). */
  unknownTruth: number;
}

/** Per forecast and hour, the numbers that make a HorizonScore. */
const METRICS = ['coverage50', 'coverage80', 'coverage90', 'crps', 'meanError', 'absMedian', 'absPersistence', 'absLastWeek'] as const;
type Metric = (typeof METRICS)[number];

export function scoreForecasts(forecasts: readonly { samples: ForecastSamples; label: string }[], truth: Truth, o: ScoreOptions): ScoreReport {
  const bins = o.bins ?? 10;
  const maxHours = Math.max(0, ...forecasts.map((f) => f.samples.hours));
  const [from, to] = [Math.max(1, o.pooled[0]), Math.min(maxHours, o.pooled[1])];
  const names: { name: string; measure: SampleMeasure }[] = [];
  for (const f of forecasts) for (const s of f.samples.series) if (!names.some((n) => n.name === s.name)) names.push({ name: s.name, measure: s.measure });
  let unknownTruth = 0;
  const series = names.map(({ name, measure }) => {
    // at[metric][h][forecast]: NaN where that forecast has no such hour or the truth is not known.
    const at = Object.fromEntries(METRICS.map((m) => [m, Array.from({ length: maxHours + 1 }, () => new Float64Array(forecasts.length).fill(NaN))])) as Record<
      Metric,
      Float64Array[]
    >;
    const histogram = new Float64Array(bins);
    let pitCount = 0;
    forecasts.forEach(({ samples: s }, k) => {
      const series = s.series.find((x) => x.name === name);
      if (!series) return;
      const start = localMinutes(s.asOf.slice(0, 16));
      const now = truth.valueAt(name, start);
      // Persistence: the count at the forecast's moment stays; from the forecast's own hour 0 if the truth does not say.
      const stays = Number.isNaN(now) ? quantileSorted(Int32Array.from(samplesAtHour(s, series, 0)).sort(), 0.5) : now;
      for (let h = 1; h <= s.hours; h++) {
        const y = truth.valueAt(name, start + h * 60);
        if (Number.isNaN(y)) {
          unknownTruth++;
          continue;
        }
        const sorted = Int32Array.from(samplesAtHour(s, series, h)).sort();
        const { lo, hi } = pitInterval(sorted, y);
        const cov = BAND_LEVELS.map((level) => centralCoverage(lo, hi, level));
        let sum = 0;
        for (const x of sorted) sum += x;
        const lastWeek = truth.valueAt(name, start + h * 60 - WEEK_MINUTES);
        const values: Record<Metric, number> = {
          coverage50: cov[0]!,
          coverage80: cov[1]!,
          coverage90: cov[2]!,
          crps: crpsOfSorted(sorted, y),
          meanError: sum / sorted.length - y,
          absMedian: Math.abs(quantileSorted(sorted, 0.5) - y),
          absPersistence: Math.abs(stays - y),
          absLastWeek: Number.isNaN(lastWeek) ? NaN : Math.abs(lastWeek - y),
        };
        for (const m of METRICS) at[m][h]![k] = values[m];
        if (h >= from && h <= to) {
          addPit(histogram, lo, hi);
          pitCount++;
        }
      }
    });
    const scoreOf = (hour: number, column: (m: Metric) => Float64Array): HorizonScore => {
      const median = column('absMedian');
      const persistence = column('absPersistence');
      const lastWeek = column('absLastWeek');
      // Last week's errors and the median's over the same forecasts only.
      const medianWhereLastWeek = median.map((x, i) => (Number.isNaN(lastWeek[i]!) ? NaN : x));
      return {
        hour,
        coverage50: meanAndSe(column('coverage50')),
        coverage80: meanAndSe(column('coverage80')),
        coverage90: meanAndSe(column('coverage90')),
        crps: meanAndSe(column('crps')),
        meanError: meanAndSe(column('meanError')),
        maeMedian: meanAndSe(median),
        maePersistence: meanAndSe(persistence),
        maeLastWeek: meanAndSe(lastWeek),
        maeRatioToPersistence: ratioOfMeans(median, persistence),
        maeRatioToLastWeek: ratioOfMeans(medianWhereLastWeek, lastWeek),
      };
    };
    const byHour = Array.from({ length: maxHours }, (_, i) => scoreOf(i + 1, (m) => at[m][i + 1]!));
    // Pooled: each forecast's mean over the range's hours it has, then over forecasts.
    const pooledColumn = (m: Metric): Float64Array =>
      Float64Array.from(forecasts, (_, k) => {
        let sum = 0;
        let n = 0;
        for (let h = from; h <= to; h++) {
          const x = at[m][h]![k]!;
          if (!Number.isNaN(x)) {
            sum += x;
            n++;
          }
        }
        return n > 0 ? sum / n : NaN;
      });
    return {
      name,
      measure,
      unit: measure === 'census' ? ('beds' as const) : ('patients' as const),
      byHour,
      pooled: scoreOf(from, pooledColumn),
      pitHistogram: Array.from(histogram, (x) => (pitCount > 0 ? x / pitCount : NaN)),
      pitCount,
    };
  });
  return {
    forecasts: forecasts.map((f) => ({
      asOf: formatLocal(localMinutes(f.samples.asOf.slice(0, 16))),
      hours: f.samples.hours,
      replications: f.samples.replications,
      label: f.label,
    })),
    truth: truth.described,
    pooledHours: [from, to],
    series,
    unknownTruth,
  };
}
