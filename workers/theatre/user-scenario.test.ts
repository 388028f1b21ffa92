import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../scenarios/index.js';
import { BUILTIN_SCHEDULES, GENERAL_HOSPITAL_BINDING, generalHospitalProblem } from './general-hospital-problem.js';
import { scheduleKey } from './schedule.js';
import { applySchedule } from './schedule-scenario.js';
import { allSmallSchedules, SMALL_BINDING, SMALL_PROBLEM, smallBase } from './small-instance.js';
import { readSchedule } from './user-scenario.js';

describe("a scenario's own theatre week read as a schedule", () => {
  it('reads the general hospital as schedule A, and a scenario written with schedule B as B', () => {
    const problem = generalHospitalProblem();
    const base = builtinScenario('general-hospital')!.document;
    expect(readSchedule(base, problem, GENERAL_HOSPITAL_BINDING)).toEqual(BUILTIN_SCHEDULES.A);
    const b = applySchedule(base, problem, GENERAL_HOSPITAL_BINDING, BUILTIN_SCHEDULES.B);
    expect(readSchedule(b, problem, GENERAL_HOSPITAL_BINDING)).toEqual(BUILTIN_SCHEDULES.B);
  });

  it('reads every schedule of the small instance back as itself, with the closed days empty', () => {
    const keys = allSmallSchedules().map((s) =>
      scheduleKey(readSchedule(applySchedule(smallBase(1), SMALL_PROBLEM, SMALL_BINDING, s), SMALL_PROBLEM, SMALL_BINDING)!),
    );
    expect(keys).toEqual(allSmallSchedules().map(scheduleKey));
  });

  it('gives no schedule when a theatre-day holds cases that are no list of the problem', () => {
    // The small base's placeholder: one endoscopy case on Monday in t1, not a list of four.
    expect(readSchedule(smallBase(1), SMALL_PROBLEM, SMALL_BINDING)).toBeUndefined();
  });
});
