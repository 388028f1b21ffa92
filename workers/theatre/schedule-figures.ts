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

/** The figures shown side by side (by the CLI and the viewer), with words and units for people. */
export const SHOWN = [
  { id: SCHEDULE_FIGURES.cancellations, label: 'Elective cancellations per week', unit: 'cases' },
  { id: SCHEDULE_FIGURES.overtimeHours, label: 'Theatre overtime per week', unit: 'hours' },
  { id: 'theatre.utilisation', label: 'Theatre utilisation (busy / in session)', unit: 'share' },
  { id: SCHEDULE_FIGURES.peakWardBeds, label: 'Peak ward beds (08:00, busiest weekday)', unit: 'beds' },
  { id: SCHEDULE_FIGURES.peakIcuBeds, label: 'Peak critical-care beds (08:00, busiest weekday)', unit: 'beds' },
  { id: 'cost.total', label: 'Total cost of the run', unit: 'money' },
  { id: SCHEDULE_FIGURES.objective, label: 'Schedule objective (weighted, lower is better)', unit: 'points' },
] as const;

/** The schedule's terms from one replication's figures; `weeks` measured (horizon less warm-up, in weeks). */
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

/** The figures with the schedule's terms added. */
export function withScheduleFigures(problem: ScheduleProblem, binding: ScheduleBinding, f: Record<string, number>, weeks: number): Record<string, number> {
  const t = scheduleTerms(problem, binding, f, weeks);
  return {
    ...f,
    [SCHEDULE_FIGURES.overtimeHours]: t.overtimeHours,
    [SCHEDULE_FIGURES.cancellations]: t.cancellations,
    [SCHEDULE_FIGURES.peakWardBeds]: t.peakWardBeds,
    [SCHEDULE_FIGURES.peakIcuBeds]: t.peakIcuBeds,
    [SCHEDULE_FIGURES.objective]: t.objective,
  };
}
