/**
 * Every replication of a forecast, kept: each ward's census and the ED's
 * waiting patients at every hour mark, one number per (hour, replication).
 * What a researcher needs to score a forecast (PIT, CRPS) outside the
 * project, and what `score` reads. Held hour by hour in typed arrays, so an
 * hour's replications are one contiguous slice.
 */
import type { ForecastReplication } from './forecast-recorder.js';
import type { ForecastSummary } from './summarise-forecast.js';

/**
 * At most this many numbers (replications × (hours + 1) × (wards + 1)) are kept:
 * 20 million, 80 MB as 32-bit integers (about 100 MB as JSON text); e.g. 500
 * replications of 168 hours for a hospital of 200 wards. More is refused before the run.
 */
export const MAX_SAMPLE_VALUES = 20_000_000;

/** What a series counts. */
export type SampleMeasure = 'census' | 'edWaiting';

export interface SampleSeries {
  /** The ward's name, or "edWaiting". */
  name: string;
  measure: SampleMeasure;
  /** The ward's beds (census only). */
  beds?: number;
  /** values[h × replications + r]: the count at hour mark h in the r-th replication (in `replicationNumbers` order). */
  values: Int32Array;
}

export interface ForecastSamples {
  asOf: string;
  hours: number;
  replications: number;
  /** Each replication's number (its random streams), in the order of the values. */
  replicationNumbers: number[];
  series: SampleSeries[];
}

/** The name of the ED waiting series beside the wards'. */
export const ED_WAITING = 'edWaiting';

/** How many numbers the samples of a forecast hold (checked against MAX_SAMPLE_VALUES before a run). */
export function sampleValueCount(replications: number, hours: number, wards: number): number {
  return replications * (hours + 1) * (wards + 1);
}

/** The samples of a forecast's replications, wards in the summary's order, then ED waiting. */
export function forecastSamples(summary: ForecastSummary, reps: readonly ForecastReplication[]): ForecastSamples {
  const n = reps.length;
  const marks = summary.hours + 1;
  const size = sampleValueCount(n, summary.hours, summary.wards.length);
  if (size > MAX_SAMPLE_VALUES) throw new RangeError(`forecast samples: ${size} numbers, more than the ${MAX_SAMPLE_VALUES} kept at most`);
  const fill = (at: (x: ForecastReplication, h: number) => number): Int32Array => {
    const values = new Int32Array(marks * n);
    for (let h = 0; h < marks; h++) for (let r = 0; r < n; r++) values[h * n + r] = at(reps[r]!, h);
    return values;
  };
  return {
    asOf: summary.asOf,
    hours: summary.hours,
    replications: n,
    replicationNumbers: reps.map((x) => x.replication),
    series: [
      ...summary.wards.map((w, k) => ({ name: w.ward, measure: 'census' as const, beds: w.beds, values: fill((x, h) => x.census[k]![h]!) })),
      { name: ED_WAITING, measure: 'edWaiting' as const, values: fill((x, h) => x.edWaiting[h]!) },
    ],
  };
}

/** The replications' values of a series at hour mark h (a view, not a copy). */
export function samplesAtHour(s: ForecastSamples, series: SampleSeries, h: number): Int32Array {
  return series.values.subarray(h * s.replications, (h + 1) * s.replications);
}
