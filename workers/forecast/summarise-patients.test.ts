import { describe, expect, it } from 'vitest';
import { builtinScenario, forecastModel, parseScenario, parseState } from '../../scenarios/index.js';
import { loadStateFile } from '../../cli/state-file.js';
import { runForecastReplication } from './run-forecast.js';
import { likelyDischarges, summarisePatients } from './summarise-patients.js';

/** One ward, every stay exactly 3 days, a bed at 240 a day (10 an hour): a patient's remaining stay and cost are known by hand. */
const oneWard = parseScenario(
  {
    name: 'one-ward',
    start: '2026-01-05T00:00',
    horizonDays: 7,
    warmupDays: 0,
    seed: 3,
    wards: [{ id: 'ward', type: 'general', beds: 10, costPerBedDay: 240 }],
    patientClasses: [{ id: 'inpatient', department: 'medicine', arrivals: { type: 'weekly', perDay: 2 }, pathway: 'stay' }],
    pathways: { stay: [{ stay: 'ward', lengthOfStay: { type: 'constant', value: 3 * 1440 } }] },
  },
  'one-ward',
);

describe('each patient of the state in a forecast', () => {
  it('a patient whose remaining stay is fixed gets exactly that stay and its cost, and leaves today or tomorrow as the clock says', () => {
    const state = parseState(
      {
        asOf: '2026-03-02T07:00',
        patients: [
          // In for a day: 48 h left, out at Wednesday 07:00 (neither today nor tomorrow).
          { id: 'two-days-left', class: 'inpatient', step: 'ward', ward: 'ward', since: '2026-03-01T07:00', arrived: '2026-03-01T07:00' },
          // In since Friday 14:00: 7 h left, out at 14:00 today.
          { id: 'out-at-14', class: 'inpatient', step: 'ward', ward: 'ward', since: '2026-02-27T14:00', arrived: '2026-02-27T14:00' },
          // In since Saturday 28 February 03:00: 20 h left, out at Tuesday 03:00 (tomorrow).
          { id: 'out-tomorrow', class: 'inpatient', step: 'ward', ward: 'ward', since: '2026-02-28T03:00', arrived: '2026-02-28T03:00' },
        ],
      },
      'test',
    );
    const fm = forecastModel(oneWard, state, 24);
    const reps = Array.from({ length: 5 }, (_, i) => runForecastReplication(fm, 24, 1, i + 1, true).forecast);
    const [twoDays, today, tomorrow] = summarisePatients(state, reps);
    expect(twoDays!.remainingHours).toEqual({ mean: 48, p10: 48, p50: 48, p90: 48 });
    // 48 h of a bed at 240 a day.
    expect(twoDays!.remainingCost.mean).toBeCloseTo(480, 6);
    expect(twoDays!.remainingCost.p10).toBeCloseTo(480, 6);
    expect([twoDays!.pLeaveToday, twoDays!.pLeaveTomorrow]).toEqual([0, 0]);
    expect(twoDays!.likelyLeaveAt).toBe('2026-03-04T07:00');
    expect(today!.remainingHours.mean).toBe(7);
    expect(today!.remainingCost.mean).toBeCloseTo(70, 6);
    expect([today!.pLeaveToday, today!.pLeaveTomorrow]).toEqual([1, 0]);
    expect(tomorrow!.remainingHours.mean).toBe(20);
    expect([tomorrow!.pLeaveToday, tomorrow!.pLeaveTomorrow]).toEqual([0, 1]);
    expect(today!.hoursIn).toBe(65);
    expect(likelyDischarges([twoDays!, today!, tomorrow!]).map((p) => p.patient)).toEqual(['out-at-14', 'out-tomorrow']);
  });

  it("on the full Monday example: every patient's 80% intervals hold the mean and never go below 0, and the census is the plain forecast's", async () => {
    const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
    const state = await loadStateFile('examples/state/general-hospital-monday.json');
    const fm = forecastModel(hospital, state, 24);
    const followed = Array.from({ length: 12 }, (_, i) => runForecastReplication(fm, 24, 1, i + 1, true).forecast);
    const plain = Array.from({ length: 12 }, (_, i) => runForecastReplication(fm, 24, 1, i + 1).forecast);
    // Following the patients past the forecast's hours changes nothing within them.
    expect(followed.map((r) => r.census)).toEqual(plain.map((r) => r.census));
    const patients = summarisePatients(state, followed);
    expect(patients).toHaveLength(state.patients.length);
    for (const p of patients) {
      for (const b of [p.remainingHours, p.remainingCost]) {
        expect(b.p10).toBeGreaterThanOrEqual(0);
        expect(b.p10).toBeLessThanOrEqual(b.p50);
        expect(b.p50).toBeLessThanOrEqual(b.p90);
      }
      expect(p.pLeaveToday + p.pLeaveTomorrow).toBeLessThanOrEqual(1);
    }
    // With 12 replications p10..p90 spans the 2nd to the 11th value: the mean falls outside only for a very lopsided patient.
    const outside = patients.filter((p) => p.remainingHours.mean < p.remainingHours.p10 || p.remainingHours.mean > p.remainingHours.p90);
    expect(outside.length).toBeLessThanOrEqual(patients.length * 0.05);
    // Somebody leaves today in a hospital of 195 on a Monday morning, and a patient in a ward bed costs something.
    expect(patients.some((p) => p.pLeaveToday > 0.5)).toBe(true);
    expect(patients.filter((p) => p.where === 'medicalWard').every((p) => p.remainingCost.mean > 0)).toBe(true);
  });
});
