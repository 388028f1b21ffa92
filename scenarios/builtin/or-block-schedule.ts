import type { ScenarioInput } from '../schema/scenario.js';

/**
 * The general hospital's elective theatre week: which list runs in which room
 * on which weekday. A list is a fixed sequence of cases of one specialty,
 * planned to fill a 08:00–17:30 session to about 80–85% with turnovers (the
 * procedures' mean times are in general-hospital.ts); the
 * grid of lists by room and weekday is the block schedule. From a grid come
 * the rooms' sessions and each specialty's case list (list arrivals whose
 * entries carry the procedure and the room, read by the pathway).
 */

export type Specialty = 'general' | 'ortho' | 'gynae' | 'urology';
export type ElectiveRoom = 'or1' | 'or2' | 'or3';
type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri';

/** Planned room minutes (mean case time + ~25 min turnover each) in the comments. */
export const LISTS = {
  /** Major general: bowel resection, lap chole, two hernias (about 490 of 570 min). */
  generalMajor: {
    specialty: 'general',
    cases: [
      ['bowelResection', 1],
      ['lapChole', 1],
      ['herniaRepair', 2],
    ],
  },
  /** Minor general: three lap choles, two hernias (about 465 min). */
  generalMinor: {
    specialty: 'general',
    cases: [
      ['lapChole', 3],
      ['herniaRepair', 2],
    ],
  },
  /** Arthroplasty: two hips, a knee, an arthroscopy (about 455 min). */
  arthroplasty: {
    specialty: 'ortho',
    cases: [
      ['hipReplacement', 2],
      ['kneeReplacement', 1],
      ['arthroscopy', 1],
    ],
  },
  /** Gynaecology: two hysterectomies, three hysteroscopies (about 450 min). */
  gynae: {
    specialty: 'gynae',
    cases: [
      ['hysterectomy', 2],
      ['hysteroscopy', 3],
    ],
  },
  /** Urology: three TURPs, four cystoscopies (about 475 min). */
  urology: {
    specialty: 'urology',
    cases: [
      ['turp', 3],
      ['cystoscopy', 4],
    ],
  },
} as const satisfies Record<string, { specialty: Specialty; cases: readonly (readonly [string, number])[] }>;

export type ListName = keyof typeof LISTS;
export type BlockSchedule = Record<ElectiveRoom, Record<Weekday, ListName>>;

/** Schedule A (the base): one room each for general surgery and orthopaedics, the third shared by gynae, urology and general. */
export const SCHEDULE_A: BlockSchedule = {
  or1: { mon: 'generalMajor', tue: 'generalMinor', wed: 'generalMajor', thu: 'generalMinor', fri: 'generalMajor' },
  or2: { mon: 'arthroplasty', tue: 'arthroplasty', wed: 'arthroplasty', thu: 'arthroplasty', fri: 'arthroplasty' },
  or3: { mon: 'gynae', tue: 'urology', wed: 'generalMinor', thu: 'gynae', fri: 'urology' },
};

/**
 * Schedule B: the same fifteen lists a week, but the long-stay ones (arthroplasty,
 * bowel resection) Monday to Wednesday and the short-stay ones Thursday and Friday,
 * so that fewer surgical inpatients are in over the weekend.
 */
export const SCHEDULE_B: BlockSchedule = {
  or1: { mon: 'generalMajor', tue: 'generalMajor', wed: 'generalMajor', thu: 'generalMinor', fri: 'generalMinor' },
  or2: { mon: 'arthroplasty', tue: 'arthroplasty', wed: 'arthroplasty', thu: 'gynae', fri: 'generalMinor' },
  or3: { mon: 'arthroplasty', tue: 'arthroplasty', wed: 'gynae', thu: 'urology', fri: 'urology' },
};

const ROOMS: readonly ElectiveRoom[] = ['or1', 'or2', 'or3'];
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const SESSION = { start: '08:00', end: '17:30' } as const;
/** Patients are admitted half an hour before the list starts. */
const ADMISSION_TIME = '07:30';

type OperatingRoomInput = NonNullable<ScenarioInput['operatingRooms']>[number];
type ListArrivals = Extract<ScenarioInput['patientClasses'][number]['arrivals'], { type: 'list' }>;

/** The weekdays on which `room` runs each list, in weekday order. */
function daysByList(schedule: BlockSchedule, room: ElectiveRoom): Map<ListName, Weekday[]> {
  const out = new Map<ListName, Weekday[]>();
  for (const day of WEEKDAYS) {
    const list = schedule[room][day];
    out.set(list, [...(out.get(list) ?? []), day]);
  }
  return out;
}

/** The sessions of an elective room under a schedule, labelled with their specialty. */
export function roomSessions(schedule: BlockSchedule, room: ElectiveRoom): OperatingRoomInput['sessions'] {
  return [...daysByList(schedule, room)].map(([list, days]) => ({ days, ...SESSION, specialty: LISTS[list].specialty }));
}

/** One specialty's case list under a schedule: every case of its lists, in list order, on the list's days. */
export function caseList(schedule: BlockSchedule, specialty: Specialty): ListArrivals {
  const entries: ListArrivals['entries'] = [];
  for (const room of ROOMS) {
    for (const [list, days] of daysByList(schedule, room)) {
      if (LISTS[list].specialty !== specialty) continue;
      for (const [procedure, count] of LISTS[list].cases) {
        entries.push({ days, time: ADMISSION_TIME, count, attributes: { procedure, theatre: room } });
      }
    }
  }
  return { type: 'list', entries };
}
