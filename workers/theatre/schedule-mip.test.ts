import { describe, expect, it } from 'vitest';
import { scheduleKey, type Schedule, type ScheduleProblem } from './schedule.js';
import { sampleCoefficients } from './schedule-samples.js';
import { solveSchedule } from './solve-schedule.js';

const constant = (value: number) => ({ type: 'constant' as const, value });

/**
 * A deterministic week, small enough to solve by hand:
 * - theatre t1 open Monday to Friday, t2 Monday and Tuesday; sessions of 240 minutes, no turnover, cases start anyway;
 * - list A: one 300-minute case, then 2 days (2880 min) in a ward; exactly 2 a week; never in t2;
 * - list B: one 120-minute day case; 1 to 3 a week;
 * - weights: 10 per overtime hour, 5 per cancelled case, 20 per peak ward bed.
 * By hand: each A list overruns by 60 minutes: 2 x 1 h x 10 = 20 whatever the days. An A patient leaves theatre at
 * 13:00 on day d and is in the ward at 08:00 on d+1 and d+2; two A lists at least 2 days apart never overlap, so
 * the peak is 1 bed (20); on days 1 apart it is 2 (40). B has no overtime and no beds, and each B list not run
 * counts its case as cancelled (5), so all 3 run: t1 has 3 days left after A and t2 has 2. Optimum: 20 + 20 + 0 = 40.
 */
const PROBLEM: ScheduleProblem = {
  theatres: ['t1', 't2'],
  open: [
    ['mon', 'tue', 'wed', 'thu', 'fri'],
    ['mon', 'tue'],
  ],
  sessionMinutes: 240,
  turnoverMinutes: 0,
  overrun: 'startAnyway',
  lists: [
    { id: 'A', cases: [['long', 1]], min: 2, max: 2 },
    { id: 'B', cases: [['short', 1]], min: 1, max: 3 },
  ],
  procedures: { long: { minutes: constant(300), wardMinutes: constant(2880) }, short: { minutes: constant(120) } },
  forbidden: [{ list: 'A', theatre: 't2' }],
  weights: { overtimeHours: 10, cancellations: 5, peakWardBeds: 20, peakIcuBeds: 0 },
};

describe('schedule MIP on HiGHS', () => {
  it('samples the coefficients a hand computation gives on a deterministic list', () => {
    const a = sampleCoefficients(PROBLEM, 3, 1).get('A')!;
    expect(a.overtimeHours).toBe(1);
    expect(a.cancellations).toBe(0);
    // A on Wednesday (day 2): in a bed at 08:00 on Thursday and Friday only.
    expect(a.ward[2]).toEqual([0, 0, 0, 1, 1, 0, 0]);
    // A on Friday: Saturday and Sunday.
    expect(a.ward[4]).toEqual([0, 0, 0, 0, 0, 1, 1]);
  });

  it('finds the hand-computed optimum (40) and a schedule that has it', async () => {
    const coefficients = sampleCoefficients(PROBLEM, 3, 1);
    const best = (await solveSchedule(PROBLEM, coefficients))!;
    expect(best.objective).toBeCloseTo(40, 9);
    expect(best.predicted).toEqual({ overtimeHours: 2, cancellations: 0, peakWardBeds: 1, peakIcuBeds: 0 });
    const aDays = best.schedule[0]!.flatMap((x, d) => (x === 'A' ? [d] : []));
    expect(aDays).toHaveLength(2);
    expect(aDays[1]! - aDays[0]!).toBeGreaterThanOrEqual(2);
    expect(best.schedule[1]!.includes('A')).toBe(false);
    expect(best.schedule.flat().filter((x) => x === 'B')).toHaveLength(3);
    // Wednesday to Friday t2 is closed: nothing there.
    expect(best.schedule[1]!.slice(2)).toEqual([null, null, null]);
  });

  it('with no-good cuts proposes a different schedule each time, never better than the first', async () => {
    const coefficients = sampleCoefficients(PROBLEM, 3, 1);
    const seen: string[] = [];
    const cuts: Schedule[] = [];
    let last = -Infinity;
    for (let i = 0; i < 4; i++) {
      const p = (await solveSchedule(PROBLEM, coefficients, cuts))!;
      expect(seen).not.toContain(scheduleKey(p.schedule));
      expect(p.objective).toBeGreaterThanOrEqual(last - 1e-9);
      last = p.objective;
      seen.push(scheduleKey(p.schedule));
      cuts.push(p.schedule);
    }
    // 6 pairs of A days at least 2 apart x 10 placements of 3 B lists in 5 free slots: 60 optima, so 4 are all 40.
    expect(last).toBeCloseTo(40, 9);
  });

  it('says none is left when the cuts exclude every schedule', async () => {
    const tiny: ScheduleProblem = { ...PROBLEM, open: [['mon'], []], lists: [{ id: 'B', cases: [['short', 1]], min: 1, max: 1 }], forbidden: [] };
    const coefficients = sampleCoefficients(tiny, 1, 1);
    const only = (await solveSchedule(tiny, coefficients))!;
    expect(only.schedule[0]![0]).toBe('B');
    expect(await solveSchedule(tiny, coefficients, [only.schedule])).toBeNull();
  });
});
