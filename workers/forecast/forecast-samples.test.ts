import { describe, expect, it } from 'vitest';
import { builtinScenario, forecastModel, parseScenario, parseState } from '../../scenarios/index.js';
import { takeState } from './take-state.js';
import { quantileSorted } from '../../sim-core/index.js';
import { ED_WAITING, forecastSamples, samplesAtHour } from './forecast-samples.js';
import { runForecastReplication } from './run-forecast.js';
import { summariseForecast } from './summarise-forecast.js';

/**
 * The samples are the replications the summary was made from: their 10th, 50th
 * and 90th percentiles at every hour are the summary's band, exactly.
 */
describe('forecast samples: every replication kept', () => {
  const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
  // The hospital on day 20 at 07:00 of a run: every ward filled, ED patients waiting.
  const state = parseState(takeState(hospital, 20 * 1440 + 7 * 60, 'samples').state, 'day 20');
  const hours = 12;
  const fm = forecastModel(hospital, state, hours);
  const reps = Array.from({ length: 25 }, (_, i) => runForecastReplication(fm, hours, 7, i + 1).forecast);
  const summary = summariseForecast(fm.model, state.asOf, hours, fm.booked, reps);
  const samples = forecastSamples(summary, reps);

  const bandOf = (values: Int32Array): number[] => {
    const sorted = Float64Array.from(values).sort();
    return [quantileSorted(sorted, 0.1), quantileSorted(sorted, 0.5), quantileSorted(sorted, 0.9)];
  };

  it("each ward's samples give the summary's p10, p50 and p90 at every hour", () => {
    summary.wards.forEach((w, k) => {
      const series = samples.series[k]!;
      expect(series.name).toBe(w.ward);
      expect(series.beds).toBe(w.beds);
      for (const h of w.byHour) expect(bandOf(samplesAtHour(samples, series, h.hour))).toEqual([h.p10, h.p50, h.p90]);
    });
  });

  it("ED waiting's samples give the summary's band, and the census moves between replications", () => {
    const ed = samples.series.find((s) => s.name === ED_WAITING)!;
    for (const h of summary.ed.byHour) expect(bandOf(samplesAtHour(samples, ed, h.hour))).toEqual([h.waiting.p10, h.waiting.p50, h.waiting.p90]);
    // Not one value copied 25 times: the replications differ at 12 hours.
    expect(new Set(samplesAtHour(samples, samples.series[0]!, hours)).size).toBeGreaterThan(3);
    expect(samples.replicationNumbers).toEqual(reps.map((r) => r.replication));
    expect(samples.series[0]!.values).toHaveLength((hours + 1) * 25);
  });
});
