import { describe, expect, it } from 'vitest';
import { forecastModel, parseState, stateFromTrace, type ScenarioInput } from '../../scenarios/index.js';
import { forecastBothWays } from '../../test/forecast-both-ways.js';
import { arrivalsShare } from './arrivals-share.js';

/**
 * A hospital where nothing but the arrivals is random: every stay and
 * treatment takes a fixed time. Forecast with the arrivals that really came,
 * every replication is the truth itself, so its error is 0 and all of the
 * usual forecast's error is the arrivals'.
 */
const fixedStays: ScenarioInput = {
  name: 'fixed-stays',
  start: '2026-03-02T00:00',
  horizonDays: 6,
  warmupDays: 0,
  seed: 3,
  wards: [{ id: 'ward', type: 'general', beds: 200, costPerBedDay: 400 }],
  resources: [{ id: 'cubicle', department: 'ed', units: 2 }],
  patientClasses: [
    {
      id: 'ed',
      department: 'ed',
      emergencyDepartment: true,
      arrivals: { type: 'weekly', perDay: 60 },
      attributes: { acuity: { values: [1, 2], weights: [1, 1] } },
      pathway: 'edThenWard',
    },
  ],
  pathways: {
    edThenWard: [
      { seize: ['cubicle'] },
      { hold: { type: 'constant', value: 40 }, activity: 'treatment' },
      { release: ['cubicle'] },
      { seize: ['ward'] },
      { hold: { type: 'constant', value: 1500 }, activity: 'stay' },
      { release: ['ward'] },
    ],
  },
} as ScenarioInput;

describe('the arrivals that came, replayed: the model error apart from the arrivals', () => {
  const hours = 24;
  const moments = [2 * 1440 + 7 * 60, 3 * 1440 + 13 * 60, 4 * 1440 + 2 * 60];
  const { scenario, model, trace, start, truth, moments: forecasts } = forecastBothWays(fixedStays, moments, hours, 20);

  it("the arrivals read from the trace are the run's, with their attributes, after the moment only", () => {
    const f = forecasts[0]!;
    // Poisson, 60 a day: about 60 in 24 hours (well within 30–90).
    expect(f.replayed.length).toBeGreaterThan(30);
    expect(f.replayed.length).toBeLessThan(90);
    expect(f.replayed.every((a) => a.class === 'ed' && a.at > start + moments[0]! && a.at <= start + moments[0]! + hours * 60)).toBe(true);
    expect(f.replayed.every((a) => ['1', '2'].includes(String(a.attributes?.['acuity'])))).toBe(true);
    expect(f.replay).toEqual({ classes: ['ed'], patients: f.replayed.length });
  });

  it('with the real arrivals and fixed stays every replication is the truth: error 0; with drawn arrivals it is not', () => {
    const share = arrivalsShare(
      forecasts.map((f) => f.model),
      forecasts.map((f) => f.real),
      truth,
      [1, hours],
    );
    expect(share.pairs).toBe(3);
    expect(share.unpaired).toEqual([]);
    expect(share.series.map((s) => s.name)).toEqual(['ward', 'edWaiting']);
    for (const s of share.series) {
      expect(s.realArrivals.maeMedian.value).toBe(0);
      expect(s.realArrivals.crps.value).toBe(0);
      expect(s.realArrivals.meanError.value).toBe(0);
    }
    const ward = share.series[0]!;
    // Drawn arrivals over a day: the ward's count misses by a few patients (Poisson sd √60 ≈ 8 after a day).
    expect(ward.modelArrivals.maeMedian.value).toBeGreaterThan(0.5);
    expect(ward.maeRatio.value).toBe(0);
  });

  it('a forecast without its twin is named and left out', () => {
    const share = arrivalsShare(
      forecasts.map((f) => f.model),
      forecasts.slice(1).map((f) => f.real),
      truth,
      [1, hours],
    );
    expect(share.pairs).toBe(2);
    expect(share.unpaired).toEqual([`model ${moments[0]}`]);
  });

  it('a replayed arrival of a class the scenario does not have is refused by its row', () => {
    const state = parseState(stateFromTrace(model, trace, moments[0]!, start).state, 'state');
    expect(() => forecastModel(scenario, state, hours, 'state', [{ class: 'ghost', at: start + moments[0]! + 5 }])).toThrow(
      /arrivals\[0\]\.class.*unknown class "ghost"/,
    );
  });
});
