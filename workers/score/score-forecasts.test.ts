import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { formatLocal, localMinutes } from '../../scenarios/index.js';
import type { ForecastSamples } from '../forecast/forecast-samples.js';
import { scoreForecasts } from './score-forecasts.js';
import type { Truth } from './truth.js';

/** A truth given as a table of (series, local minute) → count: what a trace or states give, as data. */
function tableTruth(values: Map<string, number>): Truth {
  return { series: ['ward'], described: 'a table', valueAt: (s, m) => values.get(`${s}@${m}`) ?? NaN };
}

function samplesOf(asOf: string, byHour: number[][]): ForecastSamples {
  const n = byHour[0]!.length;
  return {
    asOf,
    hours: byHour.length - 1,
    replications: n,
    replicationNumbers: Array.from({ length: n }, (_, i) => i + 1),
    series: [{ name: 'ward', measure: 'census', beds: 30, values: Int32Array.from(byHour.flat()) }],
  };
}

describe('scoring forecasts against what happened', () => {
  it('one forecast of two hours, by hand: coverage, CRPS, errors and persistence', () => {
    const asOf = '2026-03-02T07:00';
    const t0 = localMinutes(asOf);
    // Hour 0: 10 everywhere; hour 1: {9, 10, 11, 12}; hour 2: {8, 10, 12, 14}.
    const s = samplesOf(asOf, [
      [10, 10, 10, 10],
      [9, 10, 11, 12],
      [8, 10, 12, 14],
    ]);
    const truth = tableTruth(
      new Map([
        [`ward@${t0}`, 10],
        [`ward@${t0 + 60}`, 11],
        [`ward@${t0 + 120}`, 16],
      ]),
    );
    const r = scoreForecasts([{ samples: s, label: 'a' }], truth, { pooled: [1, 2] });
    const [h1, h2] = r.series[0]!.byHour;
    // Hour 1: PIT interval [0.5, 0.75], inside [0.25, 0.75], [0.1, 0.9] and [0.05, 0.95].
    expect(h1!.coverage80.value).toBe(1);
    expect(h1!.coverage50.value).toBe(1);
    // Hour 2: 16 above every replication: PIT 1, outside every band.
    expect(h2!.coverage90.value).toBe(0);
    // CRPS at hour 2: mean |x − 16| = (8 + 6 + 4 + 2)/4 = 5; ½ E|X − X′| = ½ × 40/16 = 1.25 → 3.75.
    expect(h2!.crps.value).toBeCloseTo(3.75, 12);
    // Mean error of the mean: 10.5 − 11 and 11 − 16.
    expect(h1!.meanError.value).toBeCloseTo(-0.5, 12);
    expect(h2!.meanError.value).toBeCloseTo(-5, 12);
    // Median 10.5 and 11; persistence 10.
    expect(h1!.maeMedian.value).toBeCloseTo(0.5, 12);
    expect(h1!.maePersistence.value).toBe(1);
    expect(h2!.maeRatioToPersistence.value).toBeCloseTo(5 / 6, 12);
    // No truth a week earlier.
    expect(h1!.maeLastWeek.n).toBe(0);
    // Pooled over hours 1–2 of the one forecast.
    expect(r.series[0]!.pooled.coverage80.value).toBe(0.5);
    expect(r.series[0]!.pitCount).toBe(2);
    expect(r.series[0]!.pitHistogram[9]).toBeCloseTo(0.5, 12);
    // Hour 1's interval [0.5, 0.75] spread over bins 5, 6 and 7 (0.4, 0.4, 0.2 of it).
    expect(r.series[0]!.pitHistogram.slice(5, 8).map((x) => +x.toFixed(12))).toEqual([0.2, 0.2, 0.1]);
  });

  it('calibrated forecasts cover 50, 80 and 90% within their standard errors, with mean error near 0', () => {
    // 80 forecasts, 24 hours each, of a count uniform on 0..20 at every hour, truth drawn from the
    // same law: coverage should be each level within 3 of its standard errors (+0.01 for the 200-draw samples).
    const rng = seedrandom('calibrated');
    const draw = (): number => Math.floor(rng() * 21);
    const values = new Map<string, number>();
    const forecasts = Array.from({ length: 80 }, (_, k) => {
      // Forecasts 3 days and 1 hour apart: no hour is asked twice.
      const t0 = localMinutes('2026-03-01T00:00') + k * (3 * 1440 + 60);
      for (let h = 0; h <= 24; h++) values.set(`ward@${t0 + h * 60}`, draw());
      return {
        samples: samplesOf(
          formatLocal(t0),
          Array.from({ length: 25 }, () => Array.from({ length: 200 }, draw)),
        ),
        label: String(k),
      };
    });
    const r = scoreForecasts(forecasts, tableTruth(values), { pooled: [1, 24] });
    const p = r.series[0]!.pooled;
    expect(Math.abs(p.coverage50.value - 0.5)).toBeLessThan(3 * p.coverage50.se + 0.01);
    expect(Math.abs(p.coverage80.value - 0.8)).toBeLessThan(3 * p.coverage80.se + 0.01);
    expect(Math.abs(p.coverage90.value - 0.9)).toBeLessThan(3 * p.coverage90.se + 0.01);
    expect(p.meanError.ci95[0] - 0.05).toBeLessThan(0);
    expect(p.meanError.ci95[1] + 0.05).toBeGreaterThan(0);
    expect(r.unknownTruth).toBe(0);
  });
});
