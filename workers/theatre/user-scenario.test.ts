import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { builtinScenario, parseScenario, type ScenarioInput } from '../../scenarios/index.js';
import { OptimiseSpecError } from '../optimise/optimise-spec.js';
import { BUILTIN_SCHEDULES, GENERAL_HOSPITAL_BINDING, generalHospitalProblem } from './general-hospital-problem.js';
import { scheduleKey } from './schedule.js';
import { applySchedule } from './schedule-scenario.js';
import { allSmallSchedules, SMALL_BINDING, SMALL_PROBLEM, smallBase } from './small-instance.js';
import { loadUserScenario, readSchedule } from './user-scenario.js';

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

/** The small hospital with urgent ward admissions that come as dated arrivals, from a CSV file beside the scenario. */
export function withDatedAdmissions(base: ScenarioInput, file: string): ScenarioInput {
  return {
    ...base,
    patientClasses: [...base.patientClasses, { id: 'urgentAdmission', department: 'surgery', arrivals: { type: 'dated', file }, pathway: 'urgentStay' }],
    pathways: {
      ...base.pathways,
      urgentStay: [{ seize: ['ward'] }, { hold: { type: 'constant', value: 1440 }, activity: 'stay:ward' }, { release: 'all' }],
    },
  };
}

describe("a user's scenario whose arrivals come from a CSV of dated arrivals", () => {
  it('reads the CSV named relative to the scenario file, as run does, and refuses a bad row by file and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'theatre-dated-'));
    try {
      const mine = withDatedAdmissions(applySchedule(smallBase(1), SMALL_PROBLEM, SMALL_BINDING, allSmallSchedules()[0]!), 'admissions/urgent.csv');
      await writeFile(join(dir, 'mine.yaml'), stringify(mine));
      await mkdir(join(dir, 'admissions'));
      await writeFile(join(dir, 'admissions', 'urgent.csv'), 'at\n2026-01-06T10:00\n2026-01-08T14:30\n');
      const read = await loadUserScenario(join(dir, 'mine.yaml'), SMALL_PROBLEM, SMALL_BINDING, 'spec.yaml');
      const urgent = read.patientClasses.find((c) => c.id === 'urgentAdmission')!;
      expect(urgent.arrivals).toEqual({
        type: 'dated',
        file: 'admissions/urgent.csv',
        entries: [{ at: '2026-01-06T10:00' }, { at: '2026-01-08T14:30' }],
      });
      // What is read is a scenario on its own (the rows inline), as the written schedule keeps it.
      expect(parseScenario(structuredClone(read)).patientClasses.find((c) => c.id === 'urgentAdmission')!.arrivals).toMatchObject({ type: 'dated' });
      await writeFile(join(dir, 'admissions', 'urgent.csv'), 'at\n2026-01-06T10:00\n2026-02-30T08:12\n');
      const refused = await loadUserScenario(join(dir, 'mine.yaml'), SMALL_PROBLEM, SMALL_BINDING, 'spec.yaml').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(OptimiseSpecError);
      expect((refused as OptimiseSpecError).message).toMatch(
        /theatreSchedule\.scenario \(.*mine\.yaml\) admissions\/urgent\.csv line 3, at: must be a local date and time .* "2026-02-30T08:12"/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
