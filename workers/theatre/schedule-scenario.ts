/**
 * A schedule written into a scenario: each theatre's sessions are the weekdays
 * it runs a list, and each list's cases arrive on its day as the list's class
 * (with the procedure and the theatre as attributes, which the pathway reads to
 * time the operation and to go to the list's room). What the rest of the
 * scenario is (wards, staff, emergencies) the base document says.
 */
import type { ScenarioInput } from '../../scenarios/index.js';
import { WEEKDAYS, type Schedule, type ScheduleProblem, type Weekday } from './schedule.js';

/** How a problem's names meet a scenario's: which class a list's patients are, and where the census is read. */
export interface ScheduleBinding {
  /** List kind -> the patient class its cases arrive as. */
  classOf: Readonly<Record<string, string>>;
  session: { start: string; end: string };
  /** When a list's patients arrive (before the session starts). */
  admission: string;
  /** The ward (and ICU, if any) whose beds the schedule fills. */
  ward: string;
  icu?: string;
  /** Attributes to add to a case's entry (a case-mix group by procedure, say). */
  entryAttributes?: (procedure: string) => Record<string, string | number>;
}

type ListArrivals = Extract<ScenarioInput['patientClasses'][number]['arrivals'], { type: 'list' }>;

/** A copy of `base` running `schedule`. */
export function applySchedule(base: ScenarioInput, problem: ScheduleProblem, binding: ScheduleBinding, schedule: Schedule): ScenarioInput {
  const d = structuredClone(base);
  problem.theatres.forEach((id, t) => {
    const room = d.operatingRooms?.find((r) => r.id === id);
    if (!room) throw new Error(`the scenario has no operating room "${id}" (a theatre of the schedule)`);
    const byList = new Map<string, Weekday[]>();
    schedule[t]!.forEach((list, day) => list !== null && byList.set(list, [...(byList.get(list) ?? []), WEEKDAYS[day]!]));
    if (byList.size === 0) throw new Error(`theatre ${id} has no list in the week: a room needs at least one session`);
    room.sessions = [...byList].map(([list, days]) => ({ days, ...binding.session, specialty: list }));
  });
  const entries = new Map<string, ListArrivals['entries']>();
  problem.theatres.forEach((theatre, t) =>
    schedule[t]!.forEach((id, day) => {
      if (id === null) return;
      const list = problem.lists.find((l) => l.id === id)!;
      const klass = binding.classOf[id];
      if (klass === undefined) throw new Error(`list ${id} has no patient class in the binding`);
      const out = entries.get(klass) ?? [];
      for (const [procedure, count] of list.cases) {
        out.push({ days: [WEEKDAYS[day]!], time: binding.admission, count, attributes: { procedure, theatre, ...binding.entryAttributes?.(procedure) } });
      }
      entries.set(klass, out);
    }),
  );
  for (const klass of new Set(Object.values(binding.classOf))) {
    const c = d.patientClasses.find((x) => x.id === klass);
    if (!c) throw new Error(`the scenario has no patient class "${klass}"`);
    const list = entries.get(klass);
    if (list === undefined || list.length === 0) throw new Error(`class ${klass} has no list in the week: a list arrival needs at least one entry`);
    c.arrivals = { type: 'list', entries: list };
  }
  return d;
}
