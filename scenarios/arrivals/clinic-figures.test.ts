/**
 * The clinic's added figures and overbooking from the no-show share: the
 * extra bookings by hand, the patients who come against the binomial mean,
 * consulting-room turnover against the count of who came (a trace identity
 * when every patient is seen the same day), and the doctor's lateness
 * against the mean of the lateness drawn (exact for a constant, the
 * half-normal's mean for a normal).
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, type ScenarioInput } from '../index.js';
import { clinicOf, runHospital } from '../../sim-core/index.js';
import { noShowOverbooking } from './clinic.js';
import { describeFigure } from '../figure-catalogue.js';

/** Clinic figures need nothing of the scenario to be described. */
const NO_CONTEXT = { kindOf: new Map(), surgicalClasses: new Set<string>() };

type Arrivals = Extract<ScenarioInput['patientClasses'][number]['arrivals'], { type: 'clinic' }>;
type Session = Arrivals['sessions'][number];

/** One doctor on duty all day, one weekday session at 09:00 of 16 patients 15 minutes apart, constant 10-minute consultations. */
function clinic(session: Partial<Session>, arrivals: Partial<Arrivals>, horizonDays: number): ScenarioInput {
  return {
    name: 'clinic-figures',
    start: '2026-01-05T00:00',
    horizonDays,
    warmupDays: 0,
    staff: [{ id: 'dr', department: 'opd', hourlyCost: 100, shifts: [{ days: 'all', start: '00:00', end: '23:59', count: 1 }] }],
    patientClasses: [
      {
        id: 'outpatient',
        department: 'opd',
        arrivals: {
          type: 'clinic',
          consultation: 'consult',
          sessions: [{ days: 'weekdays', start: '09:00', doctor: 'dr', template: { type: 'individual', patients: 16, intervalMinutes: 15 }, ...session }],
          ...arrivals,
        },
        pathway: 'visit',
      },
    ],
    pathways: { visit: [{ seize: ['dr'], id: 'consult' }, { hold: { type: 'constant', value: 10 }, activity: 'consultation' }, { release: 'all' }] },
  };
}

function figures(s: ScenarioInput, replication = 1): Record<string, number> {
  return runHospital(compileScenario(parseScenario(s)), { seed: 7, replication }).figures;
}

describe('overbooking from the no-show share', () => {
  it('books round(n·q/(1−q)) extra, one to a slot, spread evenly (none at q = 0)', () => {
    // 12 booked, q = 0.25: 12·0.25/0.75 = 4 extra, in slots 1 + floor((j + ½)·12/4) = 2, 5, 8, 11.
    expect(noShowOverbooking(12, 12, 0.25)).toEqual([
      { slot: 2, extra: 1 },
      { slot: 5, extra: 1 },
      { slot: 8, extra: 1 },
      { slot: 11, extra: 1 },
    ]);
    // 12 booked, q = 0.1: 1.33 rounds to 1 extra, in the middle slot 1 + floor(0.5·12) = 7.
    expect(noShowOverbooking(12, 12, 0.1)).toEqual([{ slot: 7, extra: 1 }]);
    expect(noShowOverbooking(12, 12, 0)).toEqual([]);
    // More extras than slots double up, still evenly: 3 slots, 6 booked, q = 0.5: 6 extra, 2 a slot.
    expect(noShowOverbooking(6, 3, 0.5)).toEqual([
      { slot: 1, extra: 2 },
      { slot: 2, extra: 2 },
      { slot: 3, extra: 2 },
    ]);
  });

  it('uses the class mix of new and follow-up no-shows, and the patients who come average the template (binomial, 4 standard errors)', () => {
    // q = 0.5·0.3 + 0.5·0.1 = 0.2; 16 booked: 16·0.2/0.8 = 4 extra, 20 booked, expected to come 20·0.8 = 16.
    const s = clinic({ overbook: 'byNoShow' }, { newShare: 0.5, noShow: { new: 0.3, followUp: 0.1 } }, 560);
    const a = clinicOf(compileScenario(parseScenario(s)).classes[0]!.arrivals)!;
    expect(a.sessions[0]!.bookings).toHaveLength(20);
    const f = figures(s);
    const n = f['clinic.sessions']!;
    expect(n).toBe(400);
    // Each session's count is Binomial(20, 0.8): sd 1.79; 4 standard errors over 400 sessions is 0.36.
    const se = Math.sqrt(20 * 0.8 * 0.2) / Math.sqrt(n);
    expect(Math.abs(f['clinic.patients']! / n - 16)).toBeLessThan(4 * se);
  });
});

describe('consulting-room turnover', () => {
  it('is the patients who came a session, and that over the planned hours, when all are seen the same day', () => {
    const f = figures(clinic({}, { noShow: 0.15 }, 140));
    const perSession = f['clinic.patients']! / f['clinic.sessions']!;
    expect(f['clinic.turnover.perSession']).toBeCloseTo(perSession, 12);
    // The planned session is 16 slots of 15 minutes: 4 hours.
    expect(f['clinic.turnover.perHour']).toBeCloseTo(perSession / 4, 12);
    // And it is Binomial(16, 0.85) a session: mean 13.6, sd 1.43; 4 standard errors over 100 sessions.
    expect(Math.abs(perSession - 13.6)).toBeLessThan((4 * Math.sqrt(16 * 0.85 * 0.15)) / 10);
    expect(describeFigure('clinic.turnover.perSession', NO_CONTEXT).label).toBe('Clinic: consulting-room turnover: patients seen a session');
    expect(describeFigure('clinic.turnover.perHour', NO_CONTEXT).unit).toBe('patients');
  });
});

describe("the doctor's lateness", () => {
  it('a constant 20 minutes late: 20 minutes every session, every session late, and no figure without lateness', () => {
    const f = figures(clinic({ doctorLateness: { type: 'constant', value: 20 } }, {}, 14));
    expect(f['clinic.sessions']).toBe(10);
    expect(f['clinic.doctorLate.perSession']).toBe(20);
    expect(f['clinic.doctorLate.share']).toBe(1);
    expect(describeFigure('clinic.doctorLate.perSession', NO_CONTEXT).unit).toBe('minutes');
    const onTime = figures(clinic({}, {}, 14));
    expect(onTime['clinic.doctorLate.perSession']).toBeUndefined();
  });

  it('normal with mean 0 and sd 6 (a draw below 0 is on time): late half the sessions, by 6/√(2π) = 2.39 minutes a session on average', () => {
    const f = figures(clinic({ doctorLateness: { type: 'truncatedNormal', mean: 0, sd: 6, min: -60, max: 60 } }, {}, 560));
    const n = f['clinic.sessions']!;
    // Share late: Bernoulli(0.5), sd 0.5. Mean of max(0, X): σ/√(2π); its variance σ²/2 − σ²/(2π) (sd 3.50).
    expect(Math.abs(f['clinic.doctorLate.share']! - 0.5)).toBeLessThan((4 * 0.5) / Math.sqrt(n));
    const sd = 6 * Math.sqrt(0.5 - 1 / (2 * Math.PI));
    expect(Math.abs(f['clinic.doctorLate.perSession']! - 6 / Math.sqrt(2 * Math.PI))).toBeLessThan((4 * sd) / Math.sqrt(n));
  });
});
