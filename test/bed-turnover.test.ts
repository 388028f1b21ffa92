/**
 * Bed turnover (`beds.<ward>.turnoversPerYear`, sim-core/hospital/bed-turnover.ts)
 * against Erlang's loss formula: an M/M/c/c ward (8 admissions a day, stays
 * exponential with mean 4 days, 40 beds, no queue) admits λ(1 − B(c, a)) a
 * day, so each bed turns over 365·λ(1 − B)/c times a year. Ten replications of
 * two years hold it in their 99.9% interval, widened by at most one stay per
 * bed left unfinished at the end of a replication (1/2 a year per bed).
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, describeFigure, parseScenario } from '../scenarios/index.js';
import { runHospital } from '../sim-core/index.js';

/** Erlang B by its recursion: B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)). */
function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

describe('bed turnover', () => {
  it('is the admissions a bed takes a year: 365·λ(1 − B)/c in an M/M/c/c ward (Erlang B, c = 40, a = 32)', () => {
    const model = compileScenario(
      parseScenario({
        name: 'bed-turnover',
        start: '2026-01-05T00:00',
        horizonDays: 730,
        warmupDays: 30,
        wards: [{ id: 'ward', type: 'general', beds: 40, costPerBedDay: 500, queueCapacity: 0 }],
        patientClasses: [{ id: 'admission', department: 'medicine', arrivals: { type: 'weekly', perDay: 8 }, pathway: 'admit' }],
        pathways: { admit: [{ stay: 'ward', lengthOfStay: { type: 'exponential', mean: 4 * 1440 } }] },
      }),
    );
    const values = Array.from({ length: 10 }, (_, k) => runHospital(model, { seed: 3, replication: k + 1 }).figures['beds.ward.turnoversPerYear']!);
    const expected = (365 * 8 * (1 - erlangB(40, 32))) / 40;
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
    // t(0.9995, 9) = 4.781; a stay still under way at the end is not a turnover: at most 1 a bed in 2 years.
    expect(Math.abs(mean - expected)).toBeLessThan((4.781 * sd) / Math.sqrt(values.length) + 0.5);
    expect(describeFigure('beds.ward.turnoversPerYear', { kindOf: new Map(), surgicalClasses: new Set() }).label).toMatch(/bed turnovers a year/);
  });
});
