/**
 * The changes managers make most, as pure functions from a scenario to a new
 * one: arrivals (a class's rate and its seasonal waves), staff on each shift,
 * beds per ward, OR sessions (the block schedule), imaging opening hours,
 * reorder points. Each also says what it changed.
 */
import { atRate, type RateArrivals, type Scenario } from '../../../scenarios/index.js';

export interface Edited {
  scenario: Scenario;
  change: string;
}

type Hours = Scenario['imaging'][number]['openingHours'][number];
type Session = Scenario['operatingRooms'][number]['sessions'][number];
export type Days = Hours['days'];

const replaceAt = <T>(list: readonly T[], i: number, value: T): T[] => list.map((x, k) => (k === i ? value : x));

export function daysText(days: Days): string {
  return typeof days === 'string' ? days : days.join(',');
}

/** "weekdays", "all", "weekend" or a list like "mon,wed,fri"; null if it is none of those. */
export function parseDays(text: string): Days | null {
  const t = text.trim().toLowerCase();
  if (t === 'all' || t === 'weekdays' || t === 'weekend') return t;
  const days = t.split(/[\s,]+/).filter(Boolean);
  const valid = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  if (days.length === 0 || !days.every((d) => (valid as readonly string[]).includes(d))) return null;
  return days as (typeof valid)[number][];
}

function hoursText(h: { days: Days; start: string; end: string }): string {
  return `${daysText(h.days)} ${h.start}-${h.end}`;
}

export function setShiftCount(s: Scenario, staff: number, shift: number, count: number): Edited {
  const g = s.staff[staff]!;
  const old = g.shifts[shift]!;
  const shifts = replaceAt(g.shifts, shift, { ...old, count });
  return { scenario: { ...s, staff: replaceAt(s.staff, staff, { ...g, shifts }) }, change: `${g.id}, ${hoursText(old)}: ${old.count} → ${count}` };
}

export function setWardBeds(s: Scenario, ward: number, beds: number): Edited {
  const w = s.wards[ward]!;
  return { scenario: { ...s, wards: replaceAt(s.wards, ward, { ...w, beds }) }, change: `${w.id} beds: ${w.beds} → ${beds}` };
}

export function setSession(s: Scenario, room: number, session: number, patch: Partial<Session>): Edited {
  const r = s.operatingRooms[room]!;
  const old = r.sessions[session]!;
  const next = { ...old, ...patch };
  return {
    scenario: { ...s, operatingRooms: replaceAt(s.operatingRooms, room, { ...r, sessions: replaceAt(r.sessions, session, next) }) },
    // "<what>: from → to", the what naming the session by place, so a time put back nets out (net-changes.ts).
    change: `${r.id} session${r.sessions.length > 1 ? ` ${session + 1}` : ''}: ${hoursText(old)} → ${hoursText(next)}`,
  };
}

export function addSession(s: Scenario, room: number): Edited {
  const r = s.operatingRooms[room]!;
  const last = r.sessions[r.sessions.length - 1];
  const session: Session = last ? { ...last } : { days: 'weekdays', start: '08:00', end: '16:00' };
  return {
    scenario: { ...s, operatingRooms: replaceAt(s.operatingRooms, room, { ...r, sessions: [...r.sessions, session] }) },
    change: `${r.id}: session added (${hoursText(session)})`,
  };
}

export function removeSession(s: Scenario, room: number, session: number): Edited {
  const r = s.operatingRooms[room]!;
  const old = r.sessions[session]!;
  return {
    scenario: { ...s, operatingRooms: replaceAt(s.operatingRooms, room, { ...r, sessions: r.sessions.filter((_, k) => k !== session) }) },
    change: `${r.id}: session ${hoursText(old)} removed`,
  };
}

export function setOpeningHours(s: Scenario, device: number, entry: number, patch: Partial<Hours>): Edited {
  const d = s.imaging[device]!;
  const old = d.openingHours[entry]!;
  const next = { ...old, ...patch };
  return {
    scenario: { ...s, imaging: replaceAt(s.imaging, device, { ...d, openingHours: replaceAt(d.openingHours, entry, next) }) },
    change: `${d.id} opening hours${d.openingHours.length > 1 ? ` ${entry + 1}` : ''}: ${hoursText(old)} → ${hoursText(next)}`,
  };
}

type Policy = Scenario['items'][number]['policy'];

/** The numbers of a reorder policy that a manager sets, by policy type. */
export const POLICY_FIELDS: Record<Policy['type'], { key: string; label: string }[]> = {
  sS: [
    { key: 's', label: 'reorder point s' },
    { key: 'S', label: 'order up to S' },
  ],
  RQ: [
    { key: 'R', label: 'reorder point R' },
    { key: 'Q', label: 'order quantity Q' },
  ],
  periodic: [
    { key: 'everyDays', label: 'review every (days)' },
    { key: 'upTo', label: 'order up to' },
  ],
};

export function setPolicyValue(s: Scenario, item: number, key: string, value: number): Edited {
  const it = s.items[item]!;
  const old = (it.policy as Record<string, unknown>)[key];
  const policy = { ...it.policy, [key]: value } as Policy;
  return { scenario: { ...s, items: replaceAt(s.items, item, { ...it, policy }) }, change: `${it.id} ${key}: ${String(old)} → ${value}` };
}

type PatientClass = Scenario['patientClasses'][number];
/** Arrivals at a rate, of whichever kind the arrival kinds' table says comes at one. */
export type RatedArrivals = PatientClass['arrivals'] & RateArrivals;
export type Surge = NonNullable<RateArrivals['surges']>[number];

/** A new wave starts here: a winter peak, to be moved and sized by the manager. */
export const NEW_SURGE: Surge = { peak: '01-15', weeks: 12, extra: 0.2 };

/** A class and its arrivals at a rate; a class booked by list or appointment has no rate to change. */
function ratedOf(s: Scenario, cls: number): { c: PatientClass; a: RatedArrivals } {
  const c = s.patientClasses[cls]!;
  if (!atRate(c.arrivals)) throw new Error(`${c.id} does not arrive at a rate (its arrivals are ${c.arrivals.type})`);
  return { c, a: c.arrivals };
}

function withArrivals(s: Scenario, cls: number, arrivals: RatedArrivals): Scenario {
  return { ...s, patientClasses: replaceAt(s.patientClasses, cls, { ...s.patientClasses[cls]!, arrivals }) };
}

const plain = (x: number): string => String(Number(x.toFixed(4)));

export function surgeText(w: Surge): string {
  return `peak ${w.peak}, ${plain(w.weeks)} weeks, +${plain(100 * w.extra)}% at the peak`;
}

export function setArrivalsPerDay(s: Scenario, cls: number, perDay: number): Edited {
  const { c, a } = ratedOf(s, cls);
  const rise = `${perDay > a.perDay ? '+' : ''}${plain((100 * (perDay - a.perDay)) / a.perDay)}%`;
  return { scenario: withArrivals(s, cls, { ...a, perDay }), change: `${c.id} arrivals: ${plain(a.perDay)} → ${plain(perDay)} a day (${rise})` };
}

export function addSurge(s: Scenario, cls: number): Edited {
  const { c, a } = ratedOf(s, cls);
  return { scenario: withArrivals(s, cls, { ...a, surges: [...(a.surges ?? []), NEW_SURGE] }), change: `${c.id}: yearly wave added (${surgeText(NEW_SURGE)})` };
}

export function setSurge(s: Scenario, cls: number, k: number, patch: Partial<Surge>): Edited {
  const { c, a } = ratedOf(s, cls);
  const old = a.surges![k]!;
  const next = { ...old, ...patch };
  return {
    scenario: withArrivals(s, cls, { ...a, surges: replaceAt(a.surges!, k, next) }),
    change: `${c.id} wave ${k + 1}: ${surgeText(old)} → ${surgeText(next)}`,
  };
}

export function removeSurge(s: Scenario, cls: number, k: number): Edited {
  const { c, a } = ratedOf(s, cls);
  const { surges, ...rest } = a;
  const left = surges!.filter((_, j) => j !== k);
  // Removing the last wave leaves no empty list behind.
  return { scenario: withArrivals(s, cls, left.length > 0 ? { ...rest, surges: left } : rest), change: `${c.id}: wave removed (${surgeText(surges![k]!)})` };
}

/** Busy and quiet days: the cv of each day's rate factor; 0 takes it out (days as Poisson). */
export function setDayToDayCv(s: Scenario, cls: number, cv: number): Edited {
  const { c, a } = ratedOf(s, cls);
  const { dayToDayCv: old, ...rest } = a;
  const text = (x: number | undefined): string => (x === undefined || x === 0 ? 'none' : `cv ${plain(x)}`);
  return { scenario: withArrivals(s, cls, cv === 0 ? rest : { ...rest, dayToDayCv: cv }), change: `${c.id} day-to-day variation: ${text(old)} → ${text(cv)}` };
}
