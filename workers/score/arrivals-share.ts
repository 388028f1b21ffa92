/**
 * The model's error apart from the arrivals' randomness: each moment forecast
 * twice, once with the model's own (drawn) arrivals and once with the
 * arrivals that really came (forecast --arrivals-from), both scored against
 * the same truth. Paired by the forecast's moment; per series, over the pooled
 * hours, each figure a mean over pairs with its standard error, and the
 * median's MAE with the real arrivals over the MAE with the model's (a ratio
 * of means, delta method): 1 minus it is the arrivals' share of the error.
 */
import { localMinutes } from '../../scenarios/index.js';
import { quantileSorted } from '../../sim-core/index.js';
import { samplesAtHour, type ForecastSamples, type SampleMeasure } from '../forecast/forecast-samples.js';
import { centralCoverage } from './central-coverage.js';
import { crpsOfSorted } from './crps.js';
import { meanAndSe, type Estimate } from './mean-and-se.js';
import { pitInterval } from './pit.js';
import { ratioOfMeans } from './ratio-of-means.js';
import type { Truth } from './truth.js';

/** One forecast's figures, pooled over the hours. */
export interface ArrivalsSideScore {
  maeMedian: Estimate;
  crps: Estimate;
  coverage80: Estimate;
  meanError: Estimate;
}

export interface ArrivalsShareSeries {
  name: string;
  measure: SampleMeasure;
  unit: 'beds' | 'patients';
  modelArrivals: ArrivalsSideScore;
  realArrivals: ArrivalsSideScore;
  /** MAE of the median with the real arrivals ÷ with the model's: below 1, the arrivals' randomness was part of the error. */
  maeRatio: Estimate;
}

export interface ArrivalsShare {
  /** Moments forecast both ways (the pairs scored). */
  pairs: number;
  /** Forecasts without their pair (by moment), left out of this comparison. */
  unpaired: string[];
  pooledHours: [number, number];
  series: ArrivalsShareSeries[];
}

type Forecast = { samples: ForecastSamples; label: string };
type Pooled = Record<'absMedian' | 'crps' | 'coverage80' | 'meanError', number>;

/** Each forecast's mean of each figure over the pooled hours of a series (NaN where nothing is known). */
function pooledFigures(f: ForecastSamples, name: string, truth: Truth, from: number, to: number): Pooled {
  const sums: Pooled = { absMedian: 0, crps: 0, coverage80: 0, meanError: 0 };
  let n = 0;
  const series = f.series.find((s) => s.name === name);
  const start = localMinutes(f.asOf.slice(0, 16));
  for (let h = from; series && h <= Math.min(to, f.hours); h++) {
    const y = truth.valueAt(name, start + h * 60);
    if (Number.isNaN(y)) continue;
    const sorted = Int32Array.from(samplesAtHour(f, series, h)).sort();
    const { lo, hi } = pitInterval(sorted, y);
    let sum = 0;
    for (const x of sorted) sum += x;
    sums.absMedian += Math.abs(quantileSorted(sorted, 0.5) - y);
    sums.crps += crpsOfSorted(sorted, y);
    sums.coverage80 += centralCoverage(lo, hi, 0.8);
    sums.meanError += sum / sorted.length - y;
    n++;
  }
  const mean = (x: number): number => (n > 0 ? x / n : NaN);
  return { absMedian: mean(sums.absMedian), crps: mean(sums.crps), coverage80: mean(sums.coverage80), meanError: mean(sums.meanError) };
}

export function arrivalsShare(model: readonly Forecast[], real: readonly Forecast[], truth: Truth, pooled: [number, number]): ArrivalsShare {
  const moment = (f: Forecast): string => f.samples.asOf.slice(0, 16);
  const realAt = new Map(real.map((f) => [moment(f), f]));
  const modelAt = new Map(model.map((f) => [moment(f), f]));
  const pairs = model.flatMap((f) => {
    const r = realAt.get(moment(f));
    return r ? [{ model: f.samples, real: r.samples }] : [];
  });
  const unpaired = [...model.filter((f) => !realAt.has(moment(f))), ...real.filter((f) => !modelAt.has(moment(f)))].map((f) => f.label);
  const hours = Math.max(0, ...pairs.map((p) => Math.min(p.model.hours, p.real.hours)));
  const [from, to] = [Math.max(1, pooled[0]), Math.min(hours, pooled[1])];
  const names: { name: string; measure: SampleMeasure }[] = [];
  for (const p of pairs) for (const s of p.model.series) if (!names.some((n) => n.name === s.name)) names.push({ name: s.name, measure: s.measure });
  const series = names.map(({ name, measure }) => {
    const m = pairs.map((p) => pooledFigures(p.model, name, truth, from, to));
    const r = pairs.map((p) => pooledFigures(p.real, name, truth, from, to));
    const side = (x: typeof m): ArrivalsSideScore => ({
      maeMedian: meanAndSe(Float64Array.from(x, (v) => v.absMedian)),
      crps: meanAndSe(Float64Array.from(x, (v) => v.crps)),
      coverage80: meanAndSe(Float64Array.from(x, (v) => v.coverage80)),
      meanError: meanAndSe(Float64Array.from(x, (v) => v.meanError)),
    });
    return {
      name,
      measure,
      unit: measure === 'census' ? ('beds' as const) : ('patients' as const),
      modelArrivals: side(m),
      realArrivals: side(r),
      maeRatio: ratioOfMeans(
        Float64Array.from(r, (v) => v.absMedian),
        Float64Array.from(m, (v) => v.absMedian),
      ),
    };
  });
  return { pairs: pairs.length, unpaired, pooledHours: [from, to], series };
}
