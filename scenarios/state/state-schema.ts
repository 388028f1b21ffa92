/**
 * The state of a hospital at a moment (`asOf`): who is in it, where, since
 * when, and who is booked to come. The document a forecast starts from: our
 * own format (JSON, or JSON with the patients in a CSV file, one row each),
 * which `run --snapshot-at` writes and which a hospital's systems can be
 * mapped to (see ../../README.md, "The twin of today").
 *
 * Everything is named as the scenario names it (classes, wards, resources,
 * attributes and their values, steps by their activity or id); placeStatePatients
 * turns names into the model's indices and refuses unknown names by path.
 */
import { z } from 'zod';

/**
 * The limits on a state (README, "Limits"): a hospital's state is a few thousand
 * patients; past these a file is refused by path before anything is built,
 * rather than taking minutes or the whole heap (a booked count of 1e9).
 */
export const STATE_LIMITS = {
  /** A state file, its patients CSV, a FHIR Bundle or NDJSON file, a FHIR mapping. */
  fileBytes: 20 * 1024 * 1024,
  /** Patients in one state (the largest hospitals hold a few thousand). */
  patients: 100_000,
  /** Bookings in one state, and patients booked in all (a booking's count summed). */
  booked: 100_000,
  /** Patients one booking brings (`count`). */
  bookingCount: 1000,
} as const;

/** A local date and time as the scenario's `start` is written: "YYYY-MM-DDTHH:MM" (seconds allowed). */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a local date and time "YYYY-MM-DDTHH:MM"')
  .refine((s) => !Number.isNaN(localMinutes(s)), 'is not a date and time that exists');

const AttributeValues = z.record(z.string(), z.union([z.string(), z.number()]));

/** Another running branch of a patient in a split: where it is, what it holds, since when (see `alsoIn`). */
export const BranchPositionSchema = z.strictObject({
  step: z.string().min(1),
  occurrence: z.number().int('must be a whole number').positive('must be 1 or more').optional(),
  waiting: z.boolean().default(false),
  /** What this branch holds (given back when the branch ends, at its join). */
  holding: z.array(z.string().min(1)).default([]),
  since: LocalDateTime,
});

export const StatePatientSchema = z.strictObject({
  /** The hospital's own reference (shown in reports; never used to match). */
  id: z.string().min(1).optional(),
  /** The patient class id. */
  class: z.string().min(1),
  /** Attribute values by name (acuity, procedure); any left out are drawn as on arrival. */
  attributes: AttributeValues.optional(),
  /**
   * Where in the pathway: the activity of the timed step the patient is in
   * ("triage", "surgery"), a stay's ward ("medicalWard" for "stay:medicalWard"),
   * the id of a seize step the patient waits at, or "stock:<item>" for a
   * patient waiting for a delivery of that item (with waiting: true).
   */
  step: z.string().min(1),
  /**
   * The pathway `step` is in, when not the class's: the one a transfer sent the
   * patient on at another site of a network ("tertiary_referred").
   */
  pathway: z.string().min(1).optional(),
  /** When the same step comes more than once in the pathway: which one (1 = first). */
  occurrence: z.number().int('must be a whole number').positive('must be 1 or more').optional(),
  /**
   * A patient on a trip between sites of a network (its step a `transfer:<reason>` or
   * `diversion:<site>` trip, `since` when it left): the site it is going to. Absent: the
   * step's rule chooses again when the forecast starts.
   */
  to: z.string().min(1).optional(),
  /** Waiting for the resources of that step (a bed, a doctor) rather than in it. */
  waiting: z.boolean().default(false),
  /** The ward whose bed the patient is in (counted in `holding`). */
  ward: z.string().min(1).optional(),
  /** The bed's label, for people: not used by the model. */
  bed: z.string().min(1).optional(),
  /** Other resources the patient holds now, one unit each (an ED cubicle while waiting for a ward bed). */
  holding: z.array(z.string().min(1)).default([]),
  /** When the patient began the current step (or began waiting at it). */
  since: LocalDateTime,
  /** When the patient arrived in the hospital. */
  arrived: LocalDateTime,
  /**
   * A patient doing several things at once, in the parallel branches of a
   * `split` (a blood test while in the CT scanner): `step`, `occurrence`,
   * `waiting` and `since` say where its first running branch is, and each entry
   * here another running branch (branches already done are left out; the
   * patient goes on when the listed ones are done). `ward` and `holding` are
   * what the patient holds itself together with what that first branch holds:
   * a resource the first branch's own steps so far ask for is the branch's (given
   * back when it ends), any other the patient's. A patient is one row even
   * while it is in several places: counting it once is what the census and the
   * forecast need.
   */
  alsoIn: z.array(BranchPositionSchema).min(1, 'must list at least one other running branch').optional(),
});

export const BookingSchema = z.strictObject({
  id: z.string().min(1).optional(),
  class: z.string().min(1),
  /** When the patient is due. */
  at: LocalDateTime,
  /**
   * When the operation (or whatever the patient comes for first holding a room) is planned to
   * begin: a case starting more than an hour later is counted as delayed for want of a theatre.
   */
  start: LocalDateTime.optional(),
  count: z
    .number()
    .int('must be a whole number')
    .positive('must be 1 or more')
    .max(STATE_LIMITS.bookingCount, `must be at most ${STATE_LIMITS.bookingCount} (one booking per list entry)`)
    .default(1),
  attributes: AttributeValues.optional(),
});

export const StateSchema = z.strictObject({
  /** The moment the state describes: the forecast starts here. */
  asOf: LocalDateTime,
  /** The scenario the names refer to (informative). */
  scenario: z.string().optional(),
  /** The patients in the hospital at `asOf`. */
  patients: z
    .array(StatePatientSchema)
    .max(STATE_LIMITS.patients, `must hold at most ${STATE_LIMITS.patients.toLocaleString('en')} patients`)
    .optional(),
  /** Instead of `patients`: a CSV file beside this one, one row per patient (see state-csv.ts). */
  patientsCsv: z.string().min(1).optional(),
  /**
   * Dated arrivals for the coming days (elective lists, appointments). A class with any
   * booking arrives exactly as booked over the forecast: its weekly template is not used.
   */
  booked: z
    .array(BookingSchema)
    .max(STATE_LIMITS.booked, `must hold at most ${STATE_LIMITS.booked.toLocaleString('en')} bookings`)
    .default([]),
  /** Classes whose bookings are complete even with none listed (nobody booked: nobody comes). */
  bookedClasses: z.array(z.string().min(1)).default([]),
  /** Staff on duty now by group, where the roster says otherwise: holds until the roster next changes (the shift's end). */
  staffOnDuty: z.record(z.string(), z.number().int('must be a whole number').nonnegative('must be 0 or more')).default({}),
  /** Beds closed now by ward (no staff for them, cleaning after an infection): closed for the whole forecast. */
  closedBeds: z.record(z.string(), z.number().int('must be a whole number').nonnegative('must be 0 or more')).default({}),
  /** Imaging devices or operating rooms out of order now, and until when. */
  outOfOrder: z
    .array(
      z.strictObject({
        resource: z.string().min(1),
        units: z.number().int('must be a whole number').positive('must be 1 or more').default(1),
        until: LocalDateTime,
      }),
    )
    .default([]),
});

export type StatePatient = z.output<typeof StatePatientSchema>;
export type BranchPosition = z.output<typeof BranchPositionSchema>;
export type Booking = z.output<typeof BookingSchema>;
export type StateDocument = z.output<typeof StateSchema>;
export type StateDocumentInput = z.input<typeof StateSchema>;
/** A state with its patients read (from the document or its CSV file). */
export type HospitalState = Omit<StateDocument, 'patients' | 'patientsCsv'> & {
  patients: StatePatient[];
  /** Where each patient was written, for problems found later ("patients[3]", "patients.csv line 5"). */
  patientPaths: string[];
};

/** Minutes since 1970-01-01 00:00 of a local date-time string (NaN if it does not exist). */
export function localMinutes(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) return NaN;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59 || se > 59) return NaN;
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return ms / 60_000;
}

/** The local date-time "YYYY-MM-DDTHH:MM" at `minutes` since 1970 (seconds dropped). */
export function formatLocal(minutes: number): string {
  return new Date(Math.round(minutes) * 60_000).toISOString().slice(0, 16);
}

/**
 * The local date-time at `minutes` since 1970 to the second, rounded up
 * ("YYYY-MM-DDTHH:MM", with ":SS" when not on the minute): a state's `since`
 * from a run, so the time a patient has already spent is never overstated (a
 * patient 179.2 minutes into a 180-minute wait, written as 180, would give up
 * at the forecast's first instant).
 */
export function formatLocalSecondUp(minutes: number): string {
  const text = new Date(Math.ceil(minutes * 60 - 1e-6) * 1000).toISOString();
  return text.slice(17, 19) === '00' ? text.slice(0, 16) : text.slice(0, 19);
}
