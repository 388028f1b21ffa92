import { describe, expect, it } from 'vitest';
import { builtinScenario, forecastModel, parseScenario } from '../scenarios/index.js';
import { backtestStates, runForecastReplication, scoreBacktest, summariseForecast } from '../workers/index.js';

/**
 * A smaller version of the bench's backtest (bench/forecast.ts): 12 states of a
 * reference run of the general hospital 61 hours apart, 48-hour forecasts of 40
 * replications each, scored against what the reference run did.
 */
describe('forecast backtest against a reference run', () => {
  const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
  const o = { firstDay: 28, snapshots: 12, spacingHours: 61, hours: 48, referenceSeed: 'reference' };
  const { model, census, at, states } = backtestStates(hospital, o);
  const forecasts = states.map((state, k) => {
    const fm = forecastModel(hospital, state, o.hours);
    const replications = Array.from({ length: 40 }, (_, i) => runForecastReplication(fm, o.hours, `backtest-${k}`, i + 1).forecast);
    return { summary: summariseForecast(fm.model, state.asOf, o.hours, fm.booked, replications), replications };
  });
  const score = scoreBacktest(model, census, at, forecasts, o.hours);

  it('the 80% band holds the truth about 80% of the time, pooled over wards and hours', () => {
    // Hours within one forecast are strongly correlated: count each (state, ward) as one
    // observation of a share with variance at most 0.8 × 0.2, n = 12 × 4 = 48: sd <= 0.058;
    // ±3.3 sd (two-sided 0.1%) gives 0.61 to 0.99.
    expect(score.coverage80.pooled).toBeGreaterThan(0.61);
    expect(score.coverage80.pooled).toBeLessThan(0.99);
  });

  it('the median forecast beats the census staying as it is, and the same hour last week', () => {
    expect(score.maeRatioToPersistence).toBeLessThan(1);
    expect(score.maeRatioToLastWeek).toBeLessThan(1);
  });

  it('states at different hours of the day, each with its census as the reference run had it', () => {
    expect(new Set(states.map((s) => s.asOf.slice(11, 13))).size).toBeGreaterThan(6);
    states.forEach((s, k) => {
      model.resources
        .filter((r) => r.kind === 'ward')
        .forEach((r, w) => expect(s.patients.filter((p) => p.ward === r.name).length).toBe(census[w]![at[k]! / 60]));
    });
  });
});
