import { describe, expect, it } from 'vitest';
import { runHospital } from '../../sim-core/index.js';
import { compileScenario, parseScenario, type ScenarioInput } from '../../scenarios/index.js';
import { erlangB, erlangC } from './queueing-theory.js';
import { pooledWards } from './pooled-wards.js';
import { expectTheoryInInterval, replicate } from './replicate.js';

/**
 * Bed pooling (Monks et al. 2016): two wards of 5 beds, each with its own
 * patients (4 a day, exponential stays of mean 1 day: 4 beds' worth, 80%),
 * each outlying to the other when full. With full mutual outlying the pair is
 * one M/M/10 system: P(wait) is Erlang C(10, 8), with no waiting room the share
 * turned away is Erlang B(10, 8); kept apart, each ward is an M/M/5 (Erlang C(5, 4)).
 */
const C = 5;
const PER_DAY = 4;
const MEAN_DAYS = 1;
const YEARS = 10;

function twoWards(outlying: boolean, waitingRoom: boolean): ScenarioInput {
  const ward = (id: string) => ({ id, type: 'general' as const, beds: C, costPerBedDay: 500, ...(waitingRoom ? {} : { queueCapacity: 0 }) });
  const stay = (own: string, other: string) => [
    { stay: own, ...(outlying ? { outlyTo: [other] } : {}), lengthOfStay: { type: 'exponential' as const, mean: MEAN_DAYS * 1440 }, id: own },
  ];
  return {
    name: 'two-wards',
    start: '2026-01-05T00:00',
    horizonDays: YEARS * 365,
    warmupDays: 60,
    seed: 1,
    wards: [ward('medical'), ward('surgical')],
    patientClasses: [
      { id: 'medicalPatient', department: 'medicine', arrivals: { type: 'weekly', perDay: PER_DAY }, pathway: 'medicine' },
      { id: 'surgicalPatient', department: 'surgery', arrivals: { type: 'weekly', perDay: PER_DAY }, pathway: 'surgery' },
    ],
    pathways: { medicine: stay('medical', 'surgical'), surgery: stay('surgical', 'medical') },
  };
}

function runs(document: ScenarioInput): Record<string, number>[] {
  const model = compileScenario(parseScenario(document));
  return replicate(20, (seed) => runHospital(model, { seed, replication: 1 }).figures);
}

const mu = 1 / MEAN_DAYS;
const load = (2 * PER_DAY) / mu;

describe('bed pooling against theory: two wards outlying to each other are one M/M/2c system', () => {
  it('the exact chain agrees with Erlang C and B for the pair as one (a check of the chain itself)', () => {
    const waiting = pooledWards(C, PER_DAY, mu, 400);
    expect(waiting.pWait).toBeCloseTo(erlangC(2 * C, load), 9);
    const loss = pooledWards(C, PER_DAY, mu, 0);
    expect(loss.loss).toBeCloseTo(erlangB(2 * C, load), 12);
  });

  it("with outlying, the share who wait is Erlang C(10, 8), and the share outlied and their bed-days are the chain's", () => {
    const theory = pooledWards(C, PER_DAY, mu, 400);
    const figures = runs(twoWards(true, true));
    for (const step of ['medical', 'surgical']) {
      expectTheoryInInterval(
        figures.map((f) => f[`wait.${step}.pWait`]!),
        erlangC(2 * C, load),
        `P(wait) at ${step}, Erlang C c=10 a=8`,
      );
      expectTheoryInInterval(
        figures.map((f) => f[`outlied.${step}.share`]!),
        theory.outliedShare,
        `share outlied from ${step} (Markov chain)`,
      );
      // Outlier bed-days a day = admissions a day x share outlied x mean stay (Little's law for the outliers).
      expectTheoryInInterval(
        figures.map((f) => f[`outlied.${step}.bedDays`]! / (YEARS * 365)),
        PER_DAY * theory.outliedShare * MEAN_DAYS,
        `outlier beds occupied from ${step}`,
      );
    }
    for (const f of figures) {
      // Host and home views of the same bed-days.
      expect(f['beds.surgical.outliedBedDays']).toBeCloseTo(f['outlied.medical.bedDays']!, 9);
      expect(f['beds.medical.outliedAwayBedDays']).toBeCloseTo(f['outlied.medical.bedDays']!, 9);
      expect(f['beds.medical.outliedBedDays']).toBeCloseTo(f['outlied.surgical.bedDays']!, 9);
    }
  });

  it('kept apart, each ward waits as an M/M/5: pooling is what lowers the delay', () => {
    const figures = runs(twoWards(false, true));
    expectTheoryInInterval(
      figures.map((f) => f['wait.medical.pWait']!),
      erlangC(C, load / 2),
      'P(wait) at one ward alone, Erlang C c=5 a=4',
    );
    expect(Object.keys(figures[0]!).some((k) => k.startsWith('outlied.') || k.endsWith('outliedBedDays'))).toBe(false);
    expect(erlangC(C, load / 2)).toBeGreaterThan(erlangC(2 * C, load) + 0.1);
  });

  it('with no waiting room, the share turned away is Erlang B(10, 8) for the pair, B(5, 4) apart', () => {
    const theory = pooledWards(C, PER_DAY, mu, 0);
    const pooled = runs(twoWards(true, false));
    const share = (f: Record<string, number>, c: string) => f[`turnedAway.${c}`]! / f[`arrivals.${c}`]!;
    expectTheoryInInterval(
      pooled.map((f) => share(f, 'medicalPatient')),
      erlangB(2 * C, load),
      'turned away with outlying, Erlang B c=10 a=8',
    );
    expectTheoryInInterval(
      pooled.map((f) => f['outlied.medical.share']!),
      theory.outliedShare,
      'share outlied, no waiting room (Markov chain)',
    );
    const apart = runs(twoWards(false, false));
    expectTheoryInInterval(
      apart.map((f) => share(f, 'medicalPatient')),
      erlangB(C, load / 2),
      'turned away apart, Erlang B c=5 a=4',
    );
  });
});
