/**
 * A small theatre week to check the proposal loop against enumeration: 3 list
 * kinds, 5 weekdays, 2 theatres. t1 opens Monday to Friday, t2 Monday to
 * Wednesday; arthroplasty (A, 3 a week) never in t2, hernia lists (C, 2 a
 * week) never in t1, endoscopy (B) 3 a week anywhere. So t1 runs A three times
 * and B twice (10 ways) and t2 runs B once and C twice (3 ways): 30 schedules.
 * A's patients stay about 3 days and C's about 1, so the days of A and C decide
 * the peak of ward beds; B's are day cases.
 */
import type { ScenarioInput } from '../../scenarios/index.js';
import type { Schedule, ScheduleProblem } from './schedule.js';
import type { ScheduleBinding } from './schedule-scenario.js';

const DAY = 1440;
const logn = (mean: number, sd: number) => ({ type: 'lognormal' as const, mean, sd });

export const SMALL_PROBLEM: ScheduleProblem = {
  theatres: ['t1', 't2'],
  open: [
    ['mon', 'tue', 'wed', 'thu', 'fri'],
    ['mon', 'tue', 'wed'],
  ],
  sessionMinutes: 300,
  turnoverMinutes: 30,
  overrun: 'startAnyway',
  lists: [
    { id: 'A', cases: [['hip', 2]], min: 3, max: 3 },
    { id: 'B', cases: [['scope', 4]], min: 3, max: 3 },
    { id: 'C', cases: [['hernia', 3]], min: 2, max: 2 },
  ],
  procedures: {
    hip: { minutes: logn(120, 20), wardMinutes: logn(3 * DAY, 0.8 * DAY) },
    scope: { minutes: logn(45, 10) },
    hernia: { minutes: logn(70, 15), wardMinutes: logn(1 * DAY, 0.3 * DAY) },
  },
  forbidden: [
    { list: 'A', theatre: 't2' },
    { list: 'C', theatre: 't1' },
  ],
  weights: { overtimeHours: 50, cancellations: 200, peakWardBeds: 100, peakIcuBeds: 0 },
};

export const SMALL_BINDING: ScheduleBinding = {
  classOf: { A: 'arthroplasty', B: 'endoscopy', C: 'hernia' },
  session: { start: '08:00', end: '13:00' },
  admission: '07:30',
  ward: 'ward',
};

/** Every schedule of the small instance (the 30 above), for enumeration. */
export function allSmallSchedules(): Schedule[] {
  const out: Schedule[] = [];
  const choose = (n: number, k: number): number[][] => (k === 0 ? [[]] : n < k ? [] : [...choose(n - 1, k - 1).map((c) => [...c, n - 1]), ...choose(n - 1, k)]);
  for (const aDays of choose(5, 3)) {
    for (const bDay of [0, 1, 2]) {
      const t1 = [0, 1, 2, 3, 4].map((d) => (aDays.includes(d) ? 'A' : 'B'));
      const t2 = [0, 1, 2, 3, 4].map((d) => (d > 2 ? null : d === bDay ? 'B' : 'C'));
      out.push([t1, t2]);
    }
  }
  return out;
}

/** The small hospital: two theatres, a ward, three elective classes; the schedule fills in sessions and lists. */
export function smallBase(weeks = 4): ScenarioInput {
  const room = (id: string) => ({
    id,
    sessions: [{ days: ['mon' as const], ...SMALL_BINDING.session }],
    turnover: { type: 'constant' as const, value: SMALL_PROBLEM.turnoverMinutes },
    overrun: SMALL_PROBLEM.overrun,
    costPerHour: 300,
  });
  const placeholder = {
    type: 'list' as const,
    entries: [{ days: ['mon' as const], time: '07:30', count: 1, attributes: { procedure: 'scope', theatre: 't1' } }],
  };
  const cls = (id: string) => ({ id, department: 'surgery', arrivals: placeholder, pathway: 'elective' });
  // The problem's distributions are all lognormal, as the scenario language writes them.
  const byProcedure = (pick: 'minutes' | 'wardMinutes') =>
    Object.fromEntries(Object.entries(SMALL_PROBLEM.procedures).flatMap(([p, spec]) => (spec[pick] ? [[p, spec[pick] as ReturnType<typeof logn>]] : [])));
  return {
    name: 'small-theatre-week',
    description: 'Two theatres, three elective lists and a ward: the check instance of the theatre schedule optimiser.',
    start: '2026-01-05T00:00',
    // Weeks measured after a week's warm-up (a scenario's horizon excludes its warm-up).
    horizonDays: 7 * weeks,
    // A week, or less for a one-week run (a scenario's warm-up must be shorter than its horizon).
    warmupDays: Math.min(7, 7 * weeks - 1),
    wards: [{ id: 'ward', type: 'general', beds: 60, costPerBedDay: 400 }],
    operatingRooms: [room('t1'), room('t2')],
    patientClasses: [cls('arthroplasty'), cls('endoscopy'), cls('hernia')],
    pathways: {
      elective: [
        { branchOn: 'theatre', cases: { t1: 'inT1', t2: 'inT2' } },
        { seize: ['t1'], id: 'inT1' },
        { goto: 'operate' },
        { seize: ['t2'], id: 'inT2' },
        { hold: { byAttribute: 'procedure', cases: byProcedure('minutes') }, activity: 'surgery', id: 'operate' },
        { release: 'all' },
        { branchOn: 'procedure', cases: { scope: 'home' } },
        { seize: ['ward'] },
        // Day cases never reach this step (they go home above); the otherwise is for the checker.
        { hold: { byAttribute: 'procedure', cases: byProcedure('wardMinutes'), otherwise: { type: 'constant', value: 0 } }, activity: 'stay:ward' },
        { release: 'all' },
        { leave: true, id: 'home' },
      ],
    },
  };
}
