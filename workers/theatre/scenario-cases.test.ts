import { describe, expect, it } from 'vitest';
import { builtinScenario, type ScenarioInput } from '../../scenarios/index.js';
import { createStream, makeDistribution } from '../../sim-core/index.js';
import { GENERAL_HOSPITAL_BINDING, generalHospitalProblem } from './general-hospital-problem.js';
import { scheduleKey, type ScheduleProblem } from './schedule.js';
import { sampleCoefficients } from './schedule-samples.js';
import { scenarioCases } from './scenario-cases.js';
import { SMALL_BINDING, SMALL_PROBLEM, smallBase } from './small-instance.js';
import { predict, solveSchedule, weighted } from './solve-schedule.js';

const DAY = 1440;
const constant = (value: number) => ({ type: 'constant' as const, value });

/** The small hospital with its operation times and ward stays replaced by the user's own (by procedure). */
function smallWith(minutes: Record<string, number>, wardDays: Record<string, number>): ScenarioInput {
  const base = smallBase(1);
  const steps = base.pathways['elective']!.map((s) => {
    if (!('hold' in s) || !('byAttribute' in s.hold)) return s;
    const table = s.activity === 'surgery' ? minutes : Object.fromEntries(Object.entries(wardDays).map(([p, d]) => [p, d * DAY]));
    return { ...s, hold: { ...s.hold, cases: Object.fromEntries(Object.entries(table).map(([p, v]) => [p, constant(v)])) } };
  });
  return { ...base, pathways: { elective: steps } };
}

describe("a list's cases read from the scheduled scenario's own pathways", () => {
  it("reads the general hospital's elective pathway as the hand-written procedures of its program", () => {
    const problem = generalHospitalProblem();
    const read = scenarioCases(builtinScenario('general-hospital')!.document, problem, GENERAL_HOSPITAL_BINDING);
    // The rooms' turnover, triangular(15, 22, 40), and their `overrun: cancel`.
    expect(read.turnoverMinutes).toBeCloseTo(problem.turnoverMinutes, 12);
    expect(read.overrun).toBe('cancel');
    const rng = createStream(1, 'test');
    const n = 4000;
    for (const list of problem.lists) {
      for (const [procedure] of list.cases) {
        const spec = problem.procedures[procedure]!;
        const draws = Array.from({ length: n }, () => read.cases.get(list.id)!.get(procedure)!(rng));
        // The room's expectation is the operation's own mean, exactly, on every draw.
        const mean = makeDistribution(spec.minutes).mean;
        for (const d of draws) expect(d.expectedMinutes).toBeCloseTo(mean, 9);
        // The draws' mean within 4 standard errors of it (lognormal sd as written).
        const sd = Math.sqrt(makeDistribution(spec.minutes).variance);
        expect(Math.abs(draws.reduce((s, d) => s + d.minutes, 0) / n - mean)).toBeLessThan((4 * sd) / Math.sqrt(n));
        // Where the patient goes after: step-down then the ward (bowel resection), the ward (inpatients), or neither (day cases).
        const places = draws[0]!.stays.map((s) => s.where);
        const expected = spec.icuMinutes ? ['icu', 'ward'] : spec.wardMinutes ? ['ward'] : [null];
        expect(places, procedure).toEqual(expected);
        const wardMean = draws.reduce((s, d) => s + d.stays.filter((x) => x.where === 'ward').reduce((a, x) => a + x.minutes, 0), 0) / n;
        if (spec.wardMinutes) {
          const w = makeDistribution(spec.wardMinutes);
          expect(Math.abs(wardMean - w.mean), procedure).toBeLessThan((4 * Math.sqrt(w.variance)) / Math.sqrt(n));
        }
      }
    }
  });

  it("samples the user's deterministic operation times and stays exactly (a hand-computed list)", () => {
    // Hips take 200 minutes and 2 days on the ward: list A (two hips) runs 0–200, turnover 30, 230–430 in a 300-minute session.
    const mine = smallWith({ hip: 200, scope: 45, hernia: 70 }, { hip: 2, hernia: 1 });
    const read = scenarioCases(mine, SMALL_PROBLEM, SMALL_BINDING);
    const problem: ScheduleProblem = { ...SMALL_PROBLEM, turnoverMinutes: read.turnoverMinutes, overrun: read.overrun };
    const a = sampleCoefficients(problem, 5, 1, read.cases).get('A')!;
    expect(a.overtimeHours).toBeCloseTo(130 / 60, 12);
    expect(a.cancellations).toBe(0);
    // Both leave theatre on Monday (11:20 and 15:10) for 2 days: in a bed at 08:00 on Tuesday and Wednesday.
    expect(a.ward[0]).toEqual([0, 2, 2, 0, 0, 0, 0]);
    // Endoscopy: four 45-minute day cases and three turnovers, 270 minutes: no overtime, no bed.
    const b = sampleCoefficients(problem, 5, 1, read.cases).get('B')!;
    expect([b.overtimeHours, b.ward.flat().every((x) => x === 0)]).toEqual([0, true]);
    // The built-in's hips (lognormal, mean 120) hardly overrun: the times above are the scenario's, not the hospital's.
    expect(sampleCoefficients(SMALL_PROBLEM, 300, 1).get('A')!.overtimeHours).toBeLessThan(0.2);
  });

  it('proposes another week when the scenario’s stays differ, better for that hospital than the built-in times’ proposal', async () => {
    // The user's hips go home the same day, and hernias stay 2 days. By hand: only list C's days then fill beds; C runs in
    // t2 (Monday to Wednesday) twice, 3 patients each, in a bed at 08:00 on the next 2 mornings. On Monday and Wednesday
    // they never overlap (peak 3); on adjacent days they do (peak 6). So t2 runs C, B, C.
    const mine = smallWith({ hip: 120, scope: 45, hernia: 70 }, { hip: 0, hernia: 2 });
    const read = scenarioCases(mine, SMALL_PROBLEM, SMALL_BINDING);
    const problem: ScheduleProblem = { ...SMALL_PROBLEM, turnoverMinutes: read.turnoverMinutes, overrun: read.overrun };
    const theirs = sampleCoefficients(problem, 200, 1, read.cases);
    const proposed = (await solveSchedule(problem, theirs))!;
    expect(proposed.schedule[1]).toEqual(['C', 'B', 'C', null, null]);
    expect(proposed.predicted.peakWardBeds).toBeCloseTo(3, 9);
    // The built-in times (hips 3 days, hernias 1) propose another week, which by the user's times fills 3 more beds.
    const builtIn = (await solveSchedule(SMALL_PROBLEM, sampleCoefficients(SMALL_PROBLEM, 200, 1)))!;
    expect(scheduleKey(builtIn.schedule)).not.toBe(scheduleKey(proposed.schedule));
    expect(predict(problem, theirs, builtIn.schedule).peakWardBeds).toBeCloseTo(6, 9);
    expect(proposed.objective).toBeLessThan(weighted(problem, predict(problem, theirs, builtIn.schedule)) - 1);
  });
});
