/**
 * Seasonal surges of arrivals (a flu season): the thinned Poisson process must
 * deliver the rate the scenario promises, week by week, and leave a scenario
 * without surges exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, ScenarioError, type ScenarioInput } from '../scenarios/index.js';
import { runHospital, surgeFactor, TraceBuffer, type ArrivalModel } from '../sim-core/index.js';

const WEEK = 7 * 1440;

/** 200 a day, flat; seen by nobody (a zero-length visit), for four years. */
function clinic(surges?: { peak: string; weeks: number; extra: number }[]): ScenarioInput {
  return {
    name: 'surge-clinic',
    start: '2026-01-05T00:00',
    horizonDays: 4 * 364,
    warmupDays: 0,
    seed: 11,
    resources: [{ id: 'desk', department: 'clinic', units: 1000 }],
    patientClasses: [{ id: 'walkIn', department: 'clinic', arrivals: { type: 'weekly', perDay: 200, ...(surges ? { surges } : {}) }, pathway: 'visit' }],
    pathways: { visit: [{ hold: { type: 'constant', value: 0 }, activity: 'visit' }] },
  };
}

function arrivalsByWeek(document: ScenarioInput): number[] {
  const trace = new TraceBuffer();
  runHospital(compileScenario(parseScenario(document)), { seed: 11, replication: 1, trace });
  const t = trace.toData();
  const arrive = t.whatNames.indexOf('arrive');
  const weeks = new Array<number>(4 * 52).fill(0);
  for (let i = 0; i < t.length; i++) if (t.what[i] === arrive) weeks[Math.floor(t.time[i]! / WEEK)]!++;
  return weeks;
}

describe('seasonal surges of arrivals', () => {
  // 2026-01-05 is a Monday: week k starts on day 7k. A 10-week wave at +100%, peaking at noon on 9 March
  // (day 63.5 in 2026, in week 9), comes back each year on the same date.
  const weeks = arrivalsByWeek(clinic([{ peak: '03-09', weeks: 10, extra: 1 }]));

  it('add the promised extra at the peak and nothing far from it, every year', () => {
    for (const year of [0, 1, 2, 3]) {
      const peakDay = (Date.UTC(2026 + year, 2, 9, 12) - Date.UTC(2026, 0, 5)) / 86_400_000;
      // The week holding the peak: the raised cosine averages about 1 + 0.97 over it (computed below);
      // four weeks before and after the wave (±5 weeks) are at the usual 1,400 a week.
      const peakWeek = Math.floor(peakDay / 7);
      const expectedPeak = 1400 * averageFactor(peakWeek * 7, peakDay);
      const quiet = weeks[peakWeek + 20]!;
      // Poisson counts: 4 standard deviations.
      expect(Math.abs(weeks[peakWeek]! - expectedPeak), `year ${year}: peak week`).toBeLessThan(4 * Math.sqrt(expectedPeak));
      expect(Math.abs(quiet - 1400), `year ${year}: a quiet week`).toBeLessThan(4 * Math.sqrt(1400));
    }
  });

  it('add a wave of weeks × extra / 2 patient-weeks a year', () => {
    // Weeks 0–51 of 2026: the whole first wave; extra arrivals = 1400 × 10 weeks × 1 / 2.
    const first = weeks.slice(0, 52).reduce((a, b) => a + b, 0);
    const expected = 1400 * 52 + 1400 * 5;
    expect(Math.abs(first - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('are thinned under a ceiling that bounds every instant and does not change with the horizon', () => {
    // Two year-long waves that overlap, one peaking on 29 February (1 March in other years): the ceiling
    // must bound their sum, and be the same for a 30-day run (one or two waves) and a four-year one (ten).
    const surges = [
      { peak: '02-29', weeks: 52, extra: 1 },
      { peak: '05-01', weeks: 52, extra: 0.5 },
    ];
    const weekly = (horizonDays: number): Extract<ArrivalModel, { type: 'weekly' }> => {
      const a = compileScenario(parseScenario({ ...clinic(surges), horizonDays })).classes[0]!.arrivals;
      if (a.type !== 'weekly') throw new Error('a weekly class');
      return a;
    };
    const short = weekly(30);
    const long = weekly(4 * 364);
    expect(short.surges!.length).toBeLessThan(long.surges!.length);
    expect(short.surgeCeiling).toBe(2.5);
    expect(long.surgeCeiling).toBe(2.5);
    let highest = 0;
    for (let t = 0; t < 4 * 364 * 1440; t += 60) highest = Math.max(highest, surgeFactor(long.surges!, t));
    expect(highest).toBeGreaterThan(2);
    expect(highest).toBeLessThanOrEqual(long.surgeCeiling!);
  });

  it('leave a scenario with no surges untouched, and refuse a day that is not one', () => {
    expect(arrivalsByWeek(clinic([]))).toEqual(arrivalsByWeek(clinic()));
    const refusal = (peak: string): string => {
      try {
        parseScenario(clinic([{ peak, weeks: 4, extra: 0.5 }]));
      } catch (e) {
        if (e instanceof ScenarioError) return e.message;
        throw e;
      }
      return '';
    };
    expect(refusal('02-30')).toMatch(/patientClasses\[0\]\.arrivals\.surges\[0\]\.peak: is not a day of the year/);
    expect(refusal('2026-02-01')).toMatch(/surges\[0\]\.peak: must be a day of the year "MM-DD"/);
  });
});

/** The mean of 1 + the raised cosine of half-width 5 weeks about `peakDay` over the week starting `from` (days). */
function averageFactor(from: number, peakDay: number): number {
  let sum = 0;
  const steps = 7 * 24 * 60;
  for (let k = 0; k < steps; k++) {
    const x = (from + (k + 0.5) / (24 * 60) - peakDay) / 35;
    sum += Math.abs(x) < 1 ? 1 + 0.5 * (1 + Math.cos(Math.PI * x)) : 1;
  }
  return sum / steps;
}
