/**
 * Appointment templates against their exact transient analysis. With one
 * doctor, exponential consultations (mean m), punctual patients and
 * independent no-shows (p), the number in the clinic just after each slot's
 * arrivals is a Markov chain: between slots (d minutes apart) the doctor
 * completes min(n, Poisson(d/m)) consultations. From its distributions follow
 * exactly (no simulation):
 *   - the expected wait of an arrival who finds j ahead: j·m (memoryless);
 *   - the doctor's expected idle time in a slot that starts with n in the
 *     clinic: E[(d - S_n)+] = d - m·Σ_{k<n} P(N(d) ≥ k+1), S_n ~ Erlang(n, 1/m);
 *   - the expected overrun: the number still in at the planned end times m.
 * (Cayirli & Veral 2003 for the measures; the chain as in Bailey 1952.)
 * Overbooking puts k bookings in a slot, each showing independently (binomial
 * arrivals); a doctor a fixed L minutes late starts the chain with the first
 * slots' arrivals queued and L minutes less service (see clinic-chain.ts).
 * The model's figures over many sessions must hold these in their intervals.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, type ScenarioInput } from '../../scenarios/index.js';
import { runHospital } from '../../sim-core/index.js';
import { exactSession, poissonPmf } from './clinic-chain.js';
import { expectLittlesLaw, expectTheoryInInterval, replicate } from './replicate.js';

type Template =
  { type: 'individual'; patients: number; intervalMinutes: number } | { type: 'baileyWelch'; patients: number; intervalMinutes: number; atStart: number };

const MEAN = 12;
const NO_SHOW = 0.1;
const DAYS = 400;

/** What a check adds to the session (overbooking, a late doctor) and the no-show share it uses. */
interface SessionExtras {
  noShow?: number;
  overbook?: 'byNoShow';
  doctorLateness?: { type: 'constant'; value: number };
}

function clinicScenario(template: Template, extras: SessionExtras = {}): ScenarioInput {
  const { noShow = NO_SHOW, ...session } = extras;
  return {
    name: 'markov-clinic',
    start: '2026-01-05T00:00',
    horizonDays: DAYS,
    warmupDays: 0,
    // The doctor is in from 08:00 to 23:00, so the day's queue always clears and nobody is seen before 09:00's slot.
    staff: [{ id: 'dr', department: 'opd', hourlyCost: 100, shifts: [{ days: 'all', start: '08:00', end: '23:00', count: 1 }] }],
    patientClasses: [
      {
        id: 'outpatient',
        department: 'opd',
        arrivals: { type: 'clinic', consultation: 'consult', noShow, sessions: [{ days: 'all', start: '09:00', doctor: 'dr', template, ...session }] },
        pathway: 'visit',
      },
    ],
    pathways: {
      visit: [{ seize: ['dr'], id: 'consult' }, { hold: { type: 'exponential', mean: MEAN }, activity: 'consultation' }, { release: 'all' }],
    },
  };
}

/** The chain for `perSlot` bookings at slots d apart, the session slots·d long, the doctor `late` minutes late. */
function exactClinic(perSlot: number[], d: number, m: number, p: number, late = 0): { wait: number; idle: number; overrun: number } {
  return exactSession(
    perSlot.map((count, k) => ({ offset: k * d, count })),
    perSlot.length * d,
    m,
    p,
    late,
  );
}

function runClinic(template: Template, extras: SessionExtras): Record<string, number>[] {
  const model = compileScenario(parseScenario(clinicScenario(template, extras)));
  return replicate(20, (seed) => runHospital(model, { seed, replication: seed }).figures);
}

/** `perSlot`: the bookings in each slot as the check derives them by hand (extras included). */
function checkAgainstChain(template: Template, perSlot: number[], label: string, extras: SessionExtras = {}): void {
  const exact = exactClinic(perSlot, template.intervalMinutes, MEAN, extras.noShow ?? NO_SHOW, extras.doctorLateness?.value ?? 0);
  const runs = runClinic(template, extras);
  expect(runs[0]!['clinic.sessions']).toBe(DAYS);
  expectTheoryInInterval(
    runs.map((f) => f['clinic.wait.mean']!),
    exact.wait,
    `${label}: mean wait from slot`,
  );
  expectTheoryInInterval(
    runs.map((f) => f['clinic.doctorIdle.perSession']!),
    exact.idle,
    `${label}: doctor idle minutes a session`,
  );
  expectTheoryInInterval(
    runs.map((f) => f['clinic.overrun.perSession']!),
    exact.overrun,
    `${label}: overrun minutes a session`,
  );
  // Little's law in the clinic: L (mean number in) = lambda (patients a minute) x W (mean time in clinic).
  expectLittlesLaw(
    runs.map((f) => ({ meanInSystem: f['clinic.inClinic.mean']!, arrivals: f['clinic.patients']!, meanSojourn: f['clinic.timeInClinic.mean']! })),
    DAYS * 1440,
    `${label}: Little's law`,
  );
}

describe('appointment templates against the exact Markov chain (exponential consultations, punctual, independent no-shows)', () => {
  it('individual: 12 patients 15 minutes apart, consultations of mean 12, 10% no-shows', () => {
    checkAgainstChain({ type: 'individual', patients: 12, intervalMinutes: 15 }, new Array<number>(12).fill(1), 'individual');
  });

  it('Bailey-Welch: 2 at the start, then one every 15 minutes (12 patients, 11 slots)', () => {
    checkAgainstChain({ type: 'baileyWelch', patients: 12, intervalMinutes: 15, atStart: 2 }, [2, ...new Array<number>(10).fill(1)], 'Bailey-Welch');
  });

  it('overbooking by the no-show share: 12 booked 15 minutes apart, 25% no-shows, so 4 extra bookings in slots 2, 5, 8 and 11', () => {
    // k = round(12 x 0.25 / 0.75) = 4 extras, the j-th in slot 1 + floor((j + 1/2) x 12 / 4): 2, 5, 8, 11. In a slot of two,
    // each booking comes independently (binomial arrivals in the chain).
    const perSlot = [1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1];
    checkAgainstChain({ type: 'individual', patients: 12, intervalMinutes: 15 }, perSlot, 'overbooked by no-shows', { noShow: 0.25, overbook: 'byNoShow' });
  });

  it('a doctor 20 minutes late: Bailey-Welch as above, the first two slots queue until the doctor comes', () => {
    const perSlot = [2, ...new Array<number>(10).fill(1)];
    checkAgainstChain({ type: 'baileyWelch', patients: 12, intervalMinutes: 15, atStart: 2 }, perSlot, 'doctor 20 minutes late', {
      doctorLateness: { type: 'constant', value: 20 },
    });
  });

  it('the chain with a late doctor: two at the start, the doctor 10 minutes late, by hand', () => {
    // Waits 10 and 10 + m (mean 10 + m/2); then 20 minutes of service: idle 10 + (20 - m·(P(N ≥ 1) + P(N ≥ 2))), N ~ Poisson(20/m).
    const m = 12;
    const exact = exactClinic([2], 30, m, 0, 10);
    expect(exact.wait).toBeCloseTo(10 + m / 2, 10);
    const pois = poissonPmf(20 / m, 2);
    const atLeast1 = 1 - pois[0]!;
    const atLeast2 = 1 - pois[0]! - pois[1]!;
    expect(exact.idle).toBeCloseTo(10 + 20 - m * (atLeast1 + atLeast2), 10);
    expect(exact.overrun).toBeCloseTo((2 * pois[0]! + 1 * pois[1]!) * m, 10);
    // On time it is the chain as before.
    expect(exactClinic([2], 30, m, 0, 0).wait).toBeCloseTo(m / 2, 10);
  });

  it('the chain itself: with no one booked after the first, the wait and overrun are those of a single batch', () => {
    // Three at the start, no no-shows, slot 15, mean 12: waits 0, m, 2m (mean m); overrun = E[left at 15]·m.
    const exact = exactClinic([3], 15, 12, 0);
    expect(exact.wait).toBeCloseTo(12, 10);
    const pois = poissonPmf(15 / 12, 3);
    const left = 3 * pois[0]! + 2 * pois[1]! + 1 * pois[2]!;
    expect(exact.overrun).toBeCloseTo(left * 12, 10);
  });
});
