/**
 * A schedule's terms as the simulator measured them, per replication and per
 * week, so that they read as the program's: overtime hours of the schedule's
 * theatres, cancelled cases of the lists' classes, and the peak over weekdays
 * of the mean ward (and ICU) beds occupied at 08:00. They are added to the
 * replication's figures under `theatre.*` ids, with the weighted objective.
 */
import type { ScheduleProblem } from './schedule.js';
import type { ScheduleBinding } from './schedule-scenario.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const SCHEDULE_FIGURES = {
  overtimeHours: 'theatre.overtimeHoursPerWeek',
  cancellations: 'theatre.cancellationsPerWeek',
  peakWardBeds: 'theatre.peakWardBeds',
  peakIcuBeds: 'theatre.peakIcuBeds',
  objective: 'theatre.objective',
} as const;

/**
 * Emergencies against the lists, where the scenario's theatres bump elective cases
 * (`bumpedElective`): absent from a run whose theatres do not, and then not shown.
 */
export const EMERGENCY_FIGURES = {
  bumped: 'theatre.bumpedPerWeek',
  emergencyWait: 'theatre.emergencyWaitMinutes',
} as const;

/** The figures shown side by side (by the CLI and the viewer), with words and units for people; one absent from a report is not shown. */
export const SHOWN = [
  { id: SCHEDULE_FIGURES.cancellations, label: 'Elective cancellations per week', unit: 'cases' },
  { id: SCHEDULE_FIGURES.overtimeHours, label: 'Theatre overtime per week', unit: 'hours' },
  { id: 'theatre.utilisation', label: 'Theatre utilisation (busy / in session)', unit: 'share' },
  { id: SCHEDULE_FIGURES.peakWardBeds, label: 'Peak ward beds (08:00, busiest weekday)', unit: 'beds' },
  { id: SCHEDULE_FIGURES.peakIcuBeds, label: 'Peak critical-care beds (08:00, busiest weekday)', unit: 'beds' },
  { id: EMERGENCY_FIGURES.bumped, label: 'Elective cases bumped by emergencies per week', unit: 'cases' },
  { id: EMERGENCY_FIGURES.emergencyWait, label: "Emergencies' wait for a list's theatre (mean)", unit: 'minutes' },
  { id: 'cost.total', label: 'Total cost of the run', unit: 'money' },
  { id: SCHEDULE_FIGURES.objective, label: 'Schedule objective (weighted, lower is better)', unit: 'points' },
] as const;

/** Weeks a replication measures: a scenario's `horizonDays` are the days after its warm-up. */
export function measuredWeeks(scenario: { horizonDays: number }): number {
  return scenario.horizonDays / 7;
}

/** The schedule's terms from one replication's figures; `weeks` measured (see measuredWeeks). */
export function scheduleTerms(problem: ScheduleProblem, binding: ScheduleBinding, f: Readonly<Record<string, number>>, weeks: number) {
  const sum = (ids: string[]) => ids.reduce((s, id) => s + (f[id] ?? 0), 0);
  const peak = (ward: string | undefined) => (ward === undefined ? 0 : Math.max(...DAYS.map((d) => f[`census.${ward}.${d}.h08.mean`] ?? 0)));
  const terms = {
    overtimeHours: sum(problem.theatres.map((t) => `overtime.${t}.hours`)) / weeks,
    cancellations: sum([...new Set(Object.values(binding.classOf))].map((c) => `cancellations.${c}`)) / weeks,
    peakWardBeds: peak(binding.ward),
    peakIcuBeds: peak(binding.icu),
  };
  const w = problem.weights;
  const objective =
    w.overtimeHours * terms.overtimeHours + w.cancellations * terms.cancellations + w.peakWardBeds * terms.peakWardBeds + w.peakIcuBeds * terms.peakIcuBeds;
  return { ...terms, objective };
}

/** Elective cases bumped per week and the emergencies' mean wait, over the theatres that bump; none when no theatre does. */
function emergencyFigures(problem: ScheduleProblem, f: Readonly<Record<string, number>>, weeks: number): Record<string, number> {
  const rooms = problem.theatres.filter((t) => f[`theatre.${t}.bumped`] !== undefined);
  if (rooms.length === 0) return {};
  const sum = (of: (t: string) => number) => rooms.reduce((s, t) => s + of(t), 0);
  const emergencies = sum((t) => f[`theatre.${t}.emergencies`] ?? 0);
  return {
    [EMERGENCY_FIGURES.bumped]: sum((t) => f[`theatre.${t}.bumped`]!) / weeks,
    // Each room's mean wait weighted by its emergencies: the mean over every emergency operated in a list's theatre.
    [EMERGENCY_FIGURES.emergencyWait]:
      emergencies > 0
        ? sum((t) => ((f[`theatre.${t}.emergencies`] ?? 0) > 0 ? f[`theatre.${t}.emergencyWait.mean`]! * f[`theatre.${t}.emergencies`]! : 0)) / emergencies
        : 0,
  };
}

/** The figures with the schedule's terms added (and the emergencies', where the theatres bump). */
export function withScheduleFigures(problem: ScheduleProblem, binding: ScheduleBinding, f: Record<string, number>, weeks: number): Record<string, number> {
  const t = scheduleTerms(problem, binding, f, weeks);
  return {
    ...f,
    ...emergencyFigures(problem, f, weeks),
    [SCHEDULE_FIGURES.overtimeHours]: t.overtimeHours,
    [SCHEDULE_FIGURES.cancellations]: t.cancellations,
    [SCHEDULE_FIGURES.peakWardBeds]: t.peakWardBeds,
    [SCHEDULE_FIGURES.peakIcuBeds]: t.peakIcuBeds,
    [SCHEDULE_FIGURES.objective]: t.objective,
  };
}
