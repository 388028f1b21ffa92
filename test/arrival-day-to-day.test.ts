/**
 * Busy and quiet days (`dayToDayCv`): each calendar day's rate is the usual
 * times a gamma factor of mean 1, so daily counts are negative binomial:
 * mean μ and variance μ + cv²μ². Checked over independent replications, with
 * the tolerance their own 99.9% t-interval gives; a scenario without it is
 * left exactly as it was.
 */
import { mean, sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, ScenarioError, type ScenarioInput } from '../scenarios/index.js';
import { runHospital, studentTQuantile, TraceBuffer } from '../sim-core/index.js';

const DAYS = 364;
const PER_DAY = 60;

/** 60 a day with an evening peak, seen by nobody (a zero-length visit), for a year from a Wednesday 09:00. */
function clinic(dayToDayCv?: number): ScenarioInput {
  const hourOfDay = Array.from({ length: 24 }, (_, h) => (h >= 16 && h < 22 ? 3 : 1));
  return {
    name: 'busy-days',
    start: '2026-01-07T09:00',
    horizonDays: DAYS,
    warmupDays: 0,
    seed: 5,
    resources: [{ id: 'desk', department: 'clinic', units: 1000 }],
    patientClasses: [
      {
        id: 'walkIn',
        department: 'clinic',
        arrivals: { type: 'weekly', perDay: PER_DAY, hourOfDay, ...(dayToDayCv !== undefined ? { dayToDayCv } : {}) },
        pathway: 'visit',
      },
    ],
    pathways: { visit: [{ hold: { type: 'constant', value: 0 }, activity: 'visit' }] },
  };
}

/** Arrivals on each calendar day (midnight to midnight; the run starts at 09:00, so day 0 is short and left out). */
function dailyCounts(document: ScenarioInput, replication: number): number[] {
  const trace = new TraceBuffer();
  runHospital(compileScenario(parseScenario(document)), { seed: 5, replication, trace });
  const t = trace.toData();
  const arrive = t.whatNames.indexOf('arrive');
  const days = new Array<number>(DAYS + 1).fill(0);
  for (let i = 0; i < t.length; i++) if (t.what[i] === arrive) days[Math.floor((t.time[i]! + 9 * 60) / 1440)]!++;
  return days.slice(1, DAYS);
}

/** The 99.9% t-interval of the mean of per-replication estimates. */
function interval(estimates: number[]): [number, number] {
  const half = studentTQuantile(0.9995, estimates.length - 1) * Math.sqrt(sampleVariance(estimates) / estimates.length);
  return [mean(estimates) - half, mean(estimates) + half];
}

/** Per replication: the mean daily count, and cv² by the method of moments, (s² − m) / m². */
function estimates(document: ScenarioInput): { means: number[]; cv2: number[] } {
  const means: number[] = [];
  const cv2: number[] = [];
  for (let r = 1; r <= 20; r++) {
    const days = dailyCounts(document, r);
    const m = mean(days);
    means.push(m);
    cv2.push((sampleVariance(days) - m) / (m * m));
  }
  return { means, cv2 };
}

describe('busy and quiet days', () => {
  it('vary the daily count as a gamma-mixed Poisson of the promised cv, keeping the mean', () => {
    const { means, cv2 } = estimates(clinic(0.3));
    const [mLo, mHi] = interval(means);
    expect(PER_DAY, `mean ${mLo}–${mHi}`).toBeGreaterThanOrEqual(mLo);
    expect(PER_DAY).toBeLessThanOrEqual(mHi);
    const [lo, hi] = interval(cv2);
    expect(0.09, `cv² ${lo}–${hi}`).toBeGreaterThanOrEqual(lo);
    expect(0.09).toBeLessThanOrEqual(hi);
    // And the interval is narrow enough to tell 0.3 from a plain Poisson process (cv² 0).
    expect(lo).toBeGreaterThan(0.045);
  });

  it('leave the days Poisson without it (cv² about 0)', () => {
    const [lo, hi] = interval(estimates(clinic()).cv2);
    expect(0, `cv² ${lo}–${hi}`).toBeGreaterThanOrEqual(lo);
    expect(0).toBeLessThanOrEqual(hi);
  });

  it('draw the day factors from a stream of their own: another class arrives exactly as it did', () => {
    const withAmbulances = (cv?: number): ScenarioInput => {
      const c = clinic(cv);
      return {
        ...c,
        patientClasses: [...c.patientClasses!, { id: 'ambulance', department: 'clinic', arrivals: { type: 'weekly', perDay: 20 }, pathway: 'visit' }],
      };
    };
    const ambulanceArrivals = (document: ScenarioInput): number[] => {
      const trace = new TraceBuffer();
      runHospital(compileScenario(parseScenario(document)), { seed: 5, replication: 1, trace });
      const t = trace.toData();
      const arrive = t.whatNames.indexOf('arrive');
      // An arrival is traced at its class.
      const ambulance = t.whereNames.indexOf('ambulance');
      const times: number[] = [];
      for (let i = 0; i < t.length; i++) if (t.what[i] === arrive && t.where[i] === ambulance) times.push(t.time[i]!);
      return times;
    };
    const plain = ambulanceArrivals(withAmbulances());
    expect(plain.length).toBeGreaterThan(6000);
    expect(ambulanceArrivals(withAmbulances(0.3))).toEqual(plain);
    // While the walk-ins themselves do change.
    expect(dailyCounts(clinic(0.3), 1)).not.toEqual(dailyCounts(clinic(), 1));
  });

  it('refuses a cv that is not a positive number up to 2', () => {
    for (const [cv, message] of [
      [0, /patientClasses\[0\]\.arrivals\.dayToDayCv: must be more than 0/],
      [3, /arrivals\.dayToDayCv: must be at most 2/],
    ] as const) {
      expect(() => parseScenario(clinic(cv))).toThrow(ScenarioError);
      expect(() => parseScenario(clinic(cv))).toThrow(message);
    }
  });
});
