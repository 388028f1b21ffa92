/**
 * `clinic` arrivals: an outpatient clinic's appointment templates, session by
 * session and doctor by doctor (schema, reference checks, compile step).
 *
 *   arrivals:
 *     type: clinic
 *     consultation: consult            # the seize step whose wait is the clinic wait
 *     newShare: 0.3                    # booked patients who are new (else follow-up)
 *     noShow: { new: 0.12, followUp: 0.06 }
 *     punctuality: { type: truncatedNormal, mean: -5, sd: 8, min: -40, max: 30 }   # minutes after the slot
 *     newFirst: true                   # new patients are seen before follow-ups
 *     seenFirst: booked                # booked before walk-ins (or walkIns, or arrival)
 *     sessions:
 *       - { days: weekdays, start: "09:00", doctor: dr-a,
 *           template: { type: baileyWelch, patients: 12, intervalMinutes: 15, atStart: 2 },
 *           overbook: [{ slot: 6, extra: 1 }],
 *           doctorLateness: { type: exponential, mean: 5 },
 *           walkIns: { perSession: 3, profile: [2, 1, 1] } }
 *
 * Templates: individual (one per interval), baileyWelch (`atStart` at the start, then one per
 * interval), blocks (`perSlot` per slot), variable (a list of intervals, one patient at each start).
 * Patients carry the attributes `visit` (new, followUp) and `booking` (booked, walkIn), so steps may
 * branch or take their times by them (a longer consultation for a new patient).
 */
import { z } from 'zod';
import type { ClinicArrivalModel, ClinicSessionModel } from '../../sim-core/index.js';
import { ClockTime, dayIndices, Days, Id, minutesOfDay, nonNegative, positive, probability } from '../schema/common.js';
import { DistributionSchema } from '../schema/distribution.js';
import { toSpec } from '../verbs/index.js';
import { defineArrivalKind } from './kind.js';

/** The attributes every clinic patient carries, with their values. */
export const CLINIC_ATTRIBUTES = { visit: ['new', 'followUp'], booking: ['booked', 'walkIn'] } as const;

const patients = () => z.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500');
const interval = () => positive().max(720, 'must be at most 720 minutes');

const Template = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('individual'), patients: patients(), intervalMinutes: interval() }),
  z.strictObject({ type: z.literal('baileyWelch'), patients: patients(), intervalMinutes: interval(), atStart: patients().default(2) }),
  z.strictObject({ type: z.literal('blocks'), slots: patients(), intervalMinutes: interval(), perSlot: patients() }),
  z.strictObject({ type: z.literal('variable'), intervals: z.array(interval()).min(1, 'must have at least one interval').max(500) }),
]);
export type ClinicTemplate = z.output<typeof Template>;

const Session = z.strictObject({
  days: Days,
  start: ClockTime,
  /** The doctor (a staff group or room) whose consultations the session's figures follow. */
  doctor: Id,
  template: Template,
  /**
   * Extra bookings in chosen slots (1 = the first slot); or `byNoShow`: as many extra bookings as the
   * class's no-shows are expected to leave empty (see `noShowOverbooking`), spread evenly over the slots.
   */
  overbook: z.union([z.array(z.strictObject({ slot: patients(), extra: patients() })), z.literal('byNoShow')]).default([]),
  /** The planned length; default the template's (its slots times its interval, or the sum of its intervals). */
  sessionMinutes: positive().max(1440).optional(),
  /** Minutes the doctor is late at each session's start (a draw below 0 counts as on time). */
  doctorLateness: DistributionSchema.optional(),
  /** Patients without a booking: their mean number a session, spread by relative weights over equal parts of it. */
  walkIns: z.strictObject({ perSession: positive().max(1000), profile: z.array(nonNegative()).min(1).max(96).default([1]) }).optional(),
});

export const ClinicArrivalsSchema = z.strictObject({
  type: z.literal('clinic'),
  consultation: Id,
  sessions: z.array(Session).min(1, 'must have at least one session'),
  newShare: probability().default(0),
  noShow: z.union([probability(), z.strictObject({ new: probability(), followUp: probability() })]).default(0),
  /** Minutes after the slot a booked patient comes (negative: early); default on time. */
  punctuality: DistributionSchema.optional(),
  newFirst: z.boolean().default(false),
  seenFirst: z.enum(['arrival', 'booked', 'walkIns']).default('arrival'),
});
export type ClinicArrivals = z.output<typeof ClinicArrivalsSchema>;

/** Minutes after the session's start of each booking, with its slot number, and the template's own length. */
export function templateBookings(t: ClinicTemplate): { bookings: { offset: number; slot: number }[]; slots: number; length: number } {
  const bookings: { offset: number; slot: number }[] = [];
  switch (t.type) {
    case 'individual':
      for (let i = 0; i < t.patients; i++) bookings.push({ offset: i * t.intervalMinutes, slot: i + 1 });
      return { bookings, slots: t.patients, length: t.patients * t.intervalMinutes };
    case 'baileyWelch': {
      const atStart = Math.min(t.atStart, t.patients);
      const slots = t.patients - atStart + 1;
      for (let i = 0; i < atStart; i++) bookings.push({ offset: 0, slot: 1 });
      for (let k = 1; k < slots; k++) bookings.push({ offset: k * t.intervalMinutes, slot: k + 1 });
      return { bookings, slots, length: slots * t.intervalMinutes };
    }
    case 'blocks':
      for (let k = 0; k < t.slots; k++) for (let j = 0; j < t.perSlot; j++) bookings.push({ offset: k * t.intervalMinutes, slot: k + 1 });
      return { bookings, slots: t.slots, length: t.slots * t.intervalMinutes };
    case 'variable': {
      let at = 0;
      t.intervals.forEach((d, k) => {
        bookings.push({ offset: at, slot: k + 1 });
        at += d;
      });
      return { bookings, slots: t.intervals.length, length: at };
    }
  }
}

/**
 * Overbooking chosen from the no-show share q: with n booked, q of them are expected not to come, so
 * k = round(n·q / (1 − q)) extra bookings make the expected number who come, (n + k)(1 − q), as near n
 * as whole patients allow. The extras go one to a slot, spread evenly: the j-th (from 0) in slot
 * 1 + floor((j + ½)·slots / k), so none piles up at the start or the end. None when q is 0.
 */
export function noShowOverbooking(booked: number, slots: number, q: number): { slot: number; extra: number }[] {
  const k = q >= 1 ? 0 : Math.round((booked * q) / (1 - q));
  const bySlot = new Map<number, number>();
  for (let j = 0; j < k; j++) {
    const slot = 1 + Math.min(slots - 1, Math.floor(((j + 0.5) * slots) / k));
    bySlot.set(slot, (bySlot.get(slot) ?? 0) + 1);
  }
  return [...bySlot].map(([slot, extra]) => ({ slot, extra }));
}

/** Whether a pathway's steps hold a seize step of this id, at any depth (inside branches or splits). */
function hasSeizeStep(node: unknown, id: string): boolean {
  if (Array.isArray(node)) return node.some((n) => hasSeizeStep(n, id));
  if (node === null || typeof node !== 'object') return false;
  const o = node as Record<string, unknown>;
  if ('seize' in o && o['id'] === id) return true;
  return Object.values(o).some((v) => hasSeizeStep(v, id));
}

export interface ClinicCheckContext {
  /** Each resource id's section ("staff", "rooms", ...). */
  sectionOf: ReadonlyMap<string, { section: string; noun: string }>;
  pathway: unknown;
  classAttributes: readonly string[];
  problem(path: string, message: string): void;
}

/** What the schema cannot check: the doctor and the consultation exist, slots exist, each session ends the same day. */
export function checkClinic(a: ClinicArrivals, at: string, ctx: ClinicCheckContext): void {
  if (!hasSeizeStep(ctx.pathway, a.consultation)) {
    ctx.problem(`${at}.consultation`, `must be the id of a seize step of the class's pathway (the first consultation), got "${a.consultation}"`);
  }
  for (const name of Object.keys(CLINIC_ATTRIBUTES)) {
    if (ctx.classAttributes.includes(name)) ctx.problem(`${at}`, `a clinic class sets the attribute "${name}" itself: remove it from the class's attributes`);
  }
  a.sessions.forEach((s, i) => {
    const here = `${at}.sessions[${i}]`;
    const kind = ctx.sectionOf.get(s.doctor);
    if (kind === undefined) ctx.problem(`${here}.doctor`, `refers to "${s.doctor}", which is not a staff group or resource of the scenario`);
    else if (kind.section !== 'staff' && kind.section !== 'resources') {
      ctx.problem(`${here}.doctor`, `must be a staff group or a resource (a doctor, a consulting room), got "${s.doctor}", ${kind.noun}`);
    }
    const t = templateBookings(s.template);
    const length = s.sessionMinutes ?? t.length;
    if (minutesOfDay(s.start) + length > 1440) ctx.problem(`${here}.start`, `the session (${Math.round(length)} minutes from ${s.start}) must end by midnight`);
    const lastOffset = t.bookings[t.bookings.length - 1]!.offset;
    if (lastOffset >= length) ctx.problem(`${here}.sessionMinutes`, `must be longer than the last slot's start (${lastOffset} minutes), got ${length}`);
    if (s.overbook !== 'byNoShow')
      s.overbook.forEach((o, j) => {
        if (o.slot > t.slots) ctx.problem(`${here}.overbook[${j}].slot`, `must be a slot of the template (1 to ${t.slots}), got ${o.slot}`);
      });
    if (s.walkIns && !s.walkIns.profile.some((w) => w > 0)) ctx.problem(`${here}.walkIns.profile`, 'must have at least one positive weight');
  });
}

export interface ClinicCompileContext {
  resourceIndex: ReadonlyMap<string, number>;
  attributeIndex: ReadonlyMap<string, number>;
  valueIndex(attribute: number, value: string): number;
}

export function compileClinic(a: ClinicArrivals, ctx: ClinicCompileContext): ClinicArrivalModel {
  const visit = ctx.attributeIndex.get('visit')!;
  const booking = ctx.attributeIndex.get('booking')!;
  const noShow = typeof a.noShow === 'number' ? { new: a.noShow, followUp: a.noShow } : a.noShow;
  const bookedFirst = a.seenFirst === 'booked' ? 2 : 0;
  const noShowShare = a.newShare * noShow.new + (1 - a.newShare) * noShow.followUp;
  const sessions: ClinicSessionModel[] = a.sessions.map((s) => {
    const t = templateBookings(s.template);
    const bookings = [...t.bookings];
    const overbook = s.overbook === 'byNoShow' ? noShowOverbooking(t.bookings.length, t.slots, noShowShare) : s.overbook;
    for (const o of overbook) {
      const offset = t.bookings.find((b) => b.slot === o.slot)!.offset;
      for (let j = 0; j < o.extra; j++) bookings.push({ offset, slot: o.slot });
    }
    bookings.sort((x, y) => x.offset - y.offset || x.slot - y.slot);
    const start = minutesOfDay(s.start);
    return {
      startsAt: dayIndices(s.days).map((d) => d * 1440 + start),
      length: s.sessionMinutes ?? t.length,
      doctor: ctx.resourceIndex.get(s.doctor)!,
      bookings,
      doctorLateness: s.doctorLateness ? toSpec(s.doctorLateness) : null,
      walkIns: s.walkIns ? { mean: s.walkIns.perSession, weights: [...s.walkIns.profile] } : null,
    };
  });
  return {
    type: 'clinic',
    sessions,
    newShare: a.newShare,
    noShow,
    punctuality: a.punctuality ? toSpec(a.punctuality) : null,
    visit: { attribute: visit, new: ctx.valueIndex(visit, 'new'), followUp: ctx.valueIndex(visit, 'followUp') },
    booking: { attribute: booking, booked: ctx.valueIndex(booking, 'booked'), walkIn: ctx.valueIndex(booking, 'walkIn') },
    rank: { new: bookedFirst + (a.newFirst ? 1 : 0), followUp: bookedFirst, walkIn: a.seenFirst === 'walkIns' ? 2 : 0 },
    consultation: a.consultation,
  };
}

/** The clinic kind: its schema, checks, the attributes its patients carry, and its compile step. */
export const clinic = defineArrivalKind({
  type: 'clinic',
  schema: ClinicArrivalsSchema,
  check: (a, at, ctx) =>
    checkClinic(a, at, { sectionOf: ctx.kindOf, pathway: ctx.pathway, classAttributes: Object.keys(ctx.cls.attributes), problem: ctx.problem }),
  carriedAttributes: () => Object.entries(CLINIC_ATTRIBUTES).flatMap(([name, values]) => values.map((v): [string, string] => [name, v])),
  compile: (a, ctx) => compileClinic(a, ctx),
});
