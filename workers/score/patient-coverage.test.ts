import { describe, expect, it } from 'vitest';
import { compileScenario, forecastModel, localMinutes, parseScenario, parseState, stateFromTrace, type ScenarioInput } from '../../scenarios/index.js';
import { runHospital, TraceBuffer } from '../../sim-core/index.js';
import { runForecastReplication } from '../forecast/run-forecast.js';
import { summarisePatients } from '../forecast/summarise-patients.js';
import { scorePatientIntervals, type PatientLeaving } from './patient-coverage.js';
import { truthFromTrace } from './truth.js';

const asOf = '2026-03-02T07:00';
const t0 = localMinutes(asOf);
const interval = (
  patient: string,
  p10: number,
  p90: number,
): { patient: string; class: string; remainingHours: { mean: number; p10: number; p50: number; p90: number } } => ({
  patient,
  class: patient.startsWith('E') ? 'ed' : 'ward',
  remainingHours: { mean: (p10 + p90) / 2, p10, p50: (p10 + p90) / 2, p90 },
});

describe("each patient's remaining-stay interval against when it left", () => {
  it('by hand: within, earlier, later (still in past the top), unknown, and a stay past the cap taken at the cap', () => {
    const truth = new Map<string, PatientLeaving>([
      ['A', { leftAt: t0 + 5 * 60 }], // within 2–10 h
      ['B', { leftAt: t0 + 60 }], // before 2 h: below
      ['C', { stillInAt: t0 + 20 * 60 }], // still in at 20 h, past 10 h: above
      ['D', { stillInAt: t0 + 5 * 60 }], // still in at 5 h, inside 2–10 h: not known
      ['F', { leftAt: t0 + 400 * 60 }], // 400 h, past the 14-day cap (336 h) whose interval tops at the cap: within
    ]);
    const c = scorePatientIntervals(
      [
        {
          asOf,
          patients: [interval('A', 2, 10), interval('B', 2, 10), interval('C', 2, 10), interval('D', 2, 10), interval('E', 2, 10), interval('F', 100, 336)],
        },
      ],
      (p) => truth.get(p),
    );
    expect([c.scored, c.unknown]).toEqual([4, 2]);
    expect([c.coverage80.value, c.below.value, c.above.value]).toEqual([0.5, 0.25, 0.25]);
    // One forecast: binomial, √(0.5 × 0.5 / 4) = 0.25.
    expect(c.coverage80.se).toBeCloseTo(0.25, 12);
    // Known stays: A (6 − 5), B (6 − 1) and F at the cap (218 − 336); C's is not known (still in at 20 h, before the cap).
    expect(c.meanErrorHours.value).toBeCloseTo((1 + 5 - 118) / 3, 12);
    expect(c.byClass.map((x) => [x.class, x.scored])).toEqual([['ward', 4]]);
  });

  it('two forecasts: the share pooled over patients, its standard error over forecasts (a ratio of means)', () => {
    const truth = (p: string): PatientLeaving => ({ leftAt: t0 + (p.endsWith('in') ? 5 : 50) * 60 });
    const c = scorePatientIntervals(
      [
        { asOf, patients: [interval('Ein', 2, 10), interval('Eout', 2, 10)] },
        { asOf, patients: [interval('Win', 2, 10), interval('Win2-in', 2, 10), interval('Wout', 2, 10), interval('Wout2', 2, 10)] },
      ],
      truth,
    );
    // 1 of 2, then 2 of 4: 3 of 6; se by the delta method: a = (1, 2), b = (2, 4), R = 0.5, every aᵢ − R bᵢ = 0, so 0.
    expect(c.coverage80.value).toBeCloseTo(0.5, 12);
    expect(c.coverage80.se).toBeCloseTo(0, 12);
    expect(c.byClass.map((x) => [x.class, x.scored])).toEqual([
      ['ed', 2],
      ['ward', 4],
    ]);
  });

  it("a forecast of a hospital with random stays covers its patients' real stays about 80% of the time", () => {
    const doc = {
      name: 'random-stays',
      start: '2026-03-02T00:00',
      horizonDays: 12,
      warmupDays: 0,
      seed: 5,
      wards: [{ id: 'ward', type: 'general', beds: 300, costPerBedDay: 400 }],
      patientClasses: [{ id: 'direct', department: 'ward', arrivals: { type: 'weekly', perDay: 40 }, pathway: 'stay' }],
      pathways: { stay: [{ seize: ['ward'] }, { hold: { type: 'lognormal', mean: 2880, sd: 2000 }, activity: 'stay' }, { release: ['ward'] }] },
    } as ScenarioInput;
    const scenario = parseScenario(doc, 'random-stays');
    const model = compileScenario(scenario);
    const buffer = new TraceBuffer();
    runHospital(model, { seed: 'patients', replication: 1, trace: buffer });
    const trace = buffer.toData();
    const truth = truthFromTrace(model, trace, scenario.start);
    const start = localMinutes(scenario.start);
    const forecasts = [3 * 1440 + 9 * 60, 6 * 1440 + 21 * 60].map((at) => {
      const state = parseState(stateFromTrace(model, trace, at, start).state, `minute ${at}`);
      const fm = forecastModel(scenario, state, 24);
      const reps = Array.from({ length: 60 }, (_, i) => runForecastReplication(fm, 24, 'f', i + 1, true).forecast);
      return { asOf: state.asOf, patients: summarisePatients(state, reps) };
    });
    const c = scorePatientIntervals(forecasts, (p) => truth.patientLeaving!(p));
    // About 100 patients in at each moment; every one left within the trace's 12 days or is known to be past its interval.
    expect(c.scored).toBeGreaterThan(150);
    expect(c.unknown).toBeLessThan(c.scored / 10);
    // A calibrated interval: p10 to p90 of 60 replications (type 7, ranks 6.9 and 54.1) holds a new draw of a continuous
    // stay with chance (54.1 − 6.9) / 61 ≈ 0.774. Within 4 binomial standard errors (about 0.033 each for 160 patients).
    const expected = (0.9 * 59 - 0.1 * 59) / 61;
    const se = Math.sqrt((expected * (1 - expected)) / c.scored);
    expect(Math.abs(c.coverage80.value - expected)).toBeLessThan(4 * se);
    expect(c.below.value).toBeGreaterThan(0.03);
    expect(c.above.value).toBeGreaterThan(0.03);
  });
});
