/**
 * The general hospital's theatre week as a schedule problem: its five kinds of
 * list (fifteen lists a week, as schedules A and B run), its three elective
 * theatres open Monday to Friday 08:00–17:30, its procedures' operation times
 * and stays, and how they meet its scenario (classes, the surgical ward, and
 * the step-down unit where bowel resections go first: the critical-care beds a
 * schedule fills, as the elective pathway never takes the ICU).
 */
import {
  GENERAL_HOSPITAL_LISTS,
  GENERAL_HOSPITAL_PROCEDURES,
  GENERAL_HOSPITAL_SESSION,
  procedureGroup,
  SCHEDULE_A,
  SCHEDULE_B,
  type BlockSchedule,
} from '../../scenarios/index.js';
import type { DistributionSpec } from '../../sim-core/index.js';
import { mergeWeights, WEEKDAYS, type ListSpec, type ProcedureSpec, type Schedule, type ScheduleProblem } from './schedule.js';
import type { ScheduleBinding } from './schedule-scenario.js';

const DAY = 1440;
const THEATRES = ['or1', 'or2', 'or3'] as const;
const logn = (mean: number, sd: number): DistributionSpec => ({ type: 'lognormal', mean, sd });

/** A block schedule of the built-ins as a grid. */
export function gridOf(s: BlockSchedule): Schedule {
  return THEATRES.map((room) => WEEKDAYS.map((d) => s[room][d]));
}

function listCounts(): Map<string, number> {
  const n = new Map<string, number>();
  for (const id of gridOf(SCHEDULE_A).flat()) if (id !== null) n.set(id, (n.get(id) ?? 0) + 1);
  return n;
}

function procedures(): Record<string, ProcedureSpec> {
  const { minutes, postOpLos, dayCases } = GENERAL_HOSPITAL_PROCEDURES;
  const out: Record<string, ProcedureSpec> = {};
  for (const [p, m] of Object.entries(minutes)) {
    const spec: ProcedureSpec = { minutes: m as DistributionSpec };
    const los = (postOpLos as Record<string, unknown>)[p];
    // general-hospital.ts: bowel resection 1.5 days in step-down, then 6 in the surgical ward; other inpatients their post-op stay (else 3 days).
    if (p === 'bowelResection') Object.assign(spec, { icuMinutes: logn(1.5 * DAY, 1 * DAY), wardMinutes: logn(6 * DAY, 4 * DAY) });
    else if (!(dayCases as readonly string[]).includes(p)) spec.wardMinutes = (los as DistributionSpec | undefined) ?? logn(3 * DAY, 2 * DAY);
    out[p] = spec;
  }
  return out;
}

export interface GeneralHospitalOptions {
  weights?: Partial<Record<keyof ScheduleProblem['weights'], number | undefined>>;
  forbidden?: ScheduleProblem['forbidden'];
  /** Lists of each kind a week, where not as schedule A has them. */
  bounds?: Readonly<Record<string, { min: number; max: number }>>;
}

export function generalHospitalProblem(options: GeneralHospitalOptions = {}): ScheduleProblem {
  const counts = listCounts();
  const lists: ListSpec[] = Object.entries(GENERAL_HOSPITAL_LISTS).map(([id, l]) => ({
    id,
    cases: l.cases,
    min: options.bounds?.[id]?.min ?? counts.get(id) ?? 0,
    max: options.bounds?.[id]?.max ?? counts.get(id) ?? 0,
  }));
  return {
    theatres: THEATRES,
    open: THEATRES.map(() => WEEKDAYS),
    sessionMinutes: 570,
    // The rooms' turnover, triangular(15, 22, 40): mean 25.7 minutes.
    turnoverMinutes: (15 + 22 + 40) / 3,
    overrun: 'cancel',
    lists,
    procedures: procedures(),
    forbidden: options.forbidden ?? [],
    weights: mergeWeights({ overtimeHours: 300, cancellations: 1000, peakWardBeds: 2000, peakIcuBeds: 4000 }, options.weights),
  };
}

export const GENERAL_HOSPITAL_BINDING: ScheduleBinding = {
  classOf: {
    generalMajor: 'electiveGeneral',
    generalMinor: 'electiveGeneral',
    arthroplasty: 'electiveOrtho',
    gynae: 'electiveGynae',
    urology: 'electiveUrology',
  },
  session: { ...GENERAL_HOSPITAL_SESSION },
  admission: '07:30',
  ward: 'surgicalWard',
  icu: 'stepDown',
  entryAttributes: (procedure) => {
    const drg = procedureGroup(procedure);
    return drg === undefined ? {} : { drg };
  },
};

export const BUILTIN_SCHEDULES = { A: gridOf(SCHEDULE_A), B: gridOf(SCHEDULE_B) };
