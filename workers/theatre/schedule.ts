/**
 * A master surgical schedule: which list (a specialty's, or a surgeon's) runs
 * in which theatre on which weekday, and the problem it answers: theatres and
 * the weekdays each is open, how many lists of each kind a week (fixed, or
 * between bounds), pairs that may not meet (a list kept out of a theatre or off
 * a day), and what each list's cases are.
 */
import type { DistributionSpec } from '../../sim-core/index.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A procedure's operation time and stays after it (minutes); no stay: a day case. */
export interface ProcedureSpec {
  minutes: DistributionSpec;
  wardMinutes?: DistributionSpec;
  icuMinutes?: DistributionSpec;
}

export interface ListSpec {
  id: string;
  /** The cases of one list, in booked order: [procedure, count]. */
  cases: readonly (readonly [string, number])[];
  /** Lists of this kind a week: fixed (min = max) or bounded. */
  min: number;
  max: number;
}

export interface ScheduleProblem {
  theatres: readonly string[];
  /** Open weekdays of each theatre (by theatre index); a list can run only there. */
  open: readonly (readonly Weekday[])[];
  /** Minutes of a session (the same in every open theatre-day). */
  sessionMinutes: number;
  /** Cleaning between cases, minutes (its mean). */
  turnoverMinutes: number;
  /** What a room does with a case whose mean would run past the session. */
  overrun: 'cancel' | 'startAnyway';
  lists: readonly ListSpec[];
  procedures: Readonly<Record<string, ProcedureSpec>>;
  /** A list kept out of a theatre, off a weekday, or both. */
  forbidden: readonly { list: string; theatre?: string | undefined; day?: Weekday | undefined }[];
  /** Weights of the objective: per overtime hour, per cancelled case, per peak ward bed, per peak ICU bed. */
  weights: { overtimeHours: number; cancellations: number; peakWardBeds: number; peakIcuBeds: number };
}

/** Weights given in part (a file's): those given replace the defaults. */
export function mergeWeights(
  defaults: ScheduleProblem['weights'],
  given: Partial<Record<keyof ScheduleProblem['weights'], number | undefined>> = {},
): ScheduleProblem['weights'] {
  const out = { ...defaults };
  for (const k of Object.keys(out) as (keyof typeof out)[]) out[k] = given[k] ?? out[k];
  return out;
}

/** The schedule as a grid: by theatre index, by weekday index, the list id or null (no list). */
export type Schedule = (string | null)[][];

/** A key that names a schedule (for no-good cuts and for telling candidates apart). */
export function scheduleKey(s: Schedule): string {
  return s.map((row) => row.map((x) => x ?? '-').join(',')).join('|');
}

/** Whether list `list` may run in theatre `t` on day `d`. */
export function allowed(problem: ScheduleProblem, list: string, t: number, d: number): boolean {
  const day = WEEKDAYS[d]!;
  if (!problem.open[t]!.includes(day)) return false;
  return !problem.forbidden.some(
    (f) => f.list === list && (f.theatre === undefined || f.theatre === problem.theatres[t]) && (f.day === undefined || f.day === day),
  );
}

/** The week as text: a row per theatre, a column per weekday, for people. */
export function weekGridText(problem: ScheduleProblem, s: Schedule): string {
  const width = Math.max('(closed)'.length, ...problem.lists.map((l) => l.id.length), ...problem.theatres.map((t) => t.length)) + 2;
  const cell = (x: string) => x.padEnd(width);
  const head = cell('theatre') + WEEKDAYS.map((d) => cell(d)).join('');
  const rows = problem.theatres.map(
    (t, i) => cell(t) + WEEKDAYS.map((_, d) => cell(s[i]![d] ?? (problem.open[i]!.includes(WEEKDAYS[d]!) ? '(free)' : '(closed)'))).join(''),
  );
  return [head, ...rows].map((line) => line.trimEnd()).join('\n');
}
