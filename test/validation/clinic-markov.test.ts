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
 * The model's figures over many sessions must hold these in their intervals.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, type ScenarioInput } from '../../scenarios/index.js';
import { runHospital } from '../../sim-core/index.js';
import { expectLittlesLaw, expectTheoryInInterval, replicate } from './replicate.js';

type Template =
  { type: 'individual'; patients: number; intervalMinutes: number } | { type: 'baileyWelch'; patients: number; intervalMinutes: number; atStart: number };

const MEAN = 12;
const NO_SHOW = 0.1;
const DAYS = 400;

function clinicScenario(template: Template): ScenarioInput {
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
        arrivals: { type: 'clinic', consultation: 'consult', noShow: NO_SHOW, sessions: [{ days: 'all', start: '09:00', doctor: 'dr', template }] },
        pathway: 'visit',
      },
    ],
    pathways: {
      visit: [{ seize: ['dr'], id: 'consult' }, { hold: { type: 'exponential', mean: MEAN }, activity: 'consultation' }, { release: 'all' }],
    },
  };
}

/** P(Poisson(lambda) = k) for k = 0..n. */
function poissonPmf(lambda: number, n: number): number[] {
  const out = [Math.exp(-lambda)];
  for (let k = 1; k <= n; k++) out.push((out[k - 1]! * lambda) / k);
  return out;
}

function binomialPmf(n: number, q: number): number[] {
  const out: number[] = [];
  let c = 1;
  for (let k = 0; k <= n; k++) {
    out.push(c * q ** k * (1 - q) ** (n - k));
    c = (c * (n - k)) / (k + 1);
  }
  return out;
}

/** Expected waits, idle time and overrun per session for bookings (count per slot, slots d apart; the session is slots·d long). */
function exactClinic(perSlot: number[], d: number, m: number, p: number): { wait: number; idle: number; overrun: number } {
  const max = perSlot.reduce((s, x) => s + x, 0);
  const pois = poissonPmf(d / m, max + 1);
  const tail = (k: number): number => 1 - pois.slice(0, k).reduce((s, x) => s + x, 0); // P(N(d) >= k)
  let dist = new Array<number>(max + 1).fill(0);
  dist[0] = 1; // nobody in before the first slot
  let totalWait = 0;
  let idle = 0;
  for (const booked of perSlot) {
    // Arrivals at the slot: Binomial(booked, 1 - p); the i-th of a arrivals finds n + i ahead.
    const arrivals = binomialPmf(booked, 1 - p);
    const after = new Array<number>(max + 1).fill(0);
    dist.forEach((pn, n) => {
      if (pn === 0) return;
      arrivals.forEach((pa, a) => {
        for (let i = 0; i < a; i++) totalWait += pn * pa * (n + i) * m;
        after[n + a]! += pn * pa;
      });
    });
    // The slot's d minutes: idle time, then the number left.
    const next = new Array<number>(max + 1).fill(0);
    after.forEach((pn, n) => {
      if (pn === 0) return;
      let served = 0;
      for (let k = 0; k < n; k++) served += tail(k + 1);
      idle += pn * (d - m * served);
      for (let j = 1; j <= n; j++) next[j]! += pn * pois[n - j]!;
      next[0]! += pn * tail(n);
    });
    dist = next;
  }
  const overrun = dist.reduce((s, pn, n) => s + pn * n * m, 0);
  return { wait: totalWait / (max * (1 - p)), idle, overrun };
}

function runClinic(template: Template): Record<string, number>[] {
  const model = compileScenario(parseScenario(clinicScenario(template)));
  return replicate(20, (seed) => runHospital(model, { seed, replication: seed }).figures);
}

function checkAgainstChain(template: Template, perSlot: number[], label: string): void {
  const exact = exactClinic(perSlot, template.intervalMinutes, MEAN, NO_SHOW);
  const runs = runClinic(template);
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

  it('the chain itself: with no one booked after the first, the wait and overrun are those of a single batch', () => {
    // Three at the start, no no-shows, slot 15, mean 12: waits 0, m, 2m (mean m); overrun = E[left at 15]·m.
    const exact = exactClinic([3], 15, 12, 0);
    expect(exact.wait).toBeCloseTo(12, 10);
    const pois = poissonPmf(15 / 12, 3);
    const left = 3 * pois[0]! + 2 * pois[1]! + 1 * pois[2]!;
    expect(exact.overrun).toBeCloseTo(left * 12, 10);
  });
});
