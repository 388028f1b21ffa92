/**
 * A runnable hospital model as plain data: what `scenarios/` compiles a
 * scenario document into and what the interpreter runs. Everything refers to
 * everything else by index, so the interpreter never looks a name up while
 * running. Times are in minutes from the start of the run.
 */
import type { DistributionSpec } from '../random/distributions/index.js';
import type { Roster } from '../resources/roster.js';

export type { ResourceKind } from './resource-kinds.js';
import type { ResourceKind } from './resource-kinds.js';

export interface ResourceModel {
  name: string;
  kind: ResourceKind;
  department: string;
  /** Units on duty when no roster applies (beds, pool units). */
  capacity: number;
  /** Capacity over the week (staff shifts, OR sessions, imaging opening hours). */
  roster?: Roster;
  queueCapacity?: number;
  /** Failures of one unit at a time: a failure takes one unit out of service until it is repaired. */
  breakdowns?: { timeBetweenFailures: DistributionSpec; timeToRepair: DistributionSpec };
  /** Cleaning after each use, during which the unit stays busy (OR turnover). */
  turnover?: DistributionSpec;
  /** What a room does with a case that would run past its session. */
  overrun?: 'startAnyway' | 'cancel';
  /** A room kept for emergencies: in a `oneOf` choice only patients of priority above 0 may take it. */
  emergencyOnly?: boolean;
  /**
   * A room whose list meets emergencies: when a case of priority above 0 takes it, the
   * first elective case (priority 0 or below) waiting for it is bumped: `cancel`led, or
   * `move`d behind the emergency. Counted as bumped, with the emergencies' waits.
   */
  bumpedElective?: 'cancel' | 'move';
  /** Cost of one busy unit-hour (staff pay, room or device use, a bed-hour). */
  costPerBusyHour: number;
  /** Cost of one on-duty but idle unit-hour (capacity cost; for staff the same pay). */
  costPerIdleHour: number;
  /** Extra per overtime unit-hour, on top of the busy cost. */
  overtimePremiumPerHour: number;
  fixedCostPerDay: number;
}

export type { ItemModel, StockPolicy } from './stock.js';
import type { ItemModel } from './stock.js';

export type { DurationModel, StepModel } from '../verbs/index.js';
import type { StepModel } from '../verbs/index.js';

/** An attribute (acuity, procedure): its values, shared by every class that has it. */
export interface AttributeModel {
  name: string;
  values: (string | number)[];
}

/**
 * A wave of extra arrivals (a flu season): at minute `center` of the run the rate is 1 + `extra` times the
 * usual, falling to the usual along a raised cosine at `center` ± `halfWidth` minutes.
 */
export interface ArrivalSurge {
  center: number;
  halfWidth: number;
  extra: number;
}

export type ArrivalModel =
  /**
   * Non-homogeneous Poisson: patients per minute for each hour of the week (Monday 00:00 first), times
   * 1 + the surges' extra at that time (none: exactly the weekly rate).
   */
  | {
      type: 'weekly';
      ratePerMinute: number[];
      surges?: ArrivalSurge[];
      /**
       * The most 1 + the surges' extra can reach at any instant of any run of this scenario, whatever its
       * horizon (default: 1 + every listed surge's extra). Candidates are thinned under the weekly peak
       * times this, so it must not depend on how many waves the horizon touches: if it did, a longer run
       * would draw different arrivals in its first days.
       */
      surgeCeiling?: number;
      /** Each calendar day's rate times a gamma factor of mean 1 and this coefficient of variation (none: exactly Poisson). */
      dayToDayCv?: number;
    }
  /** Each week: at minute-of-week `at`, `count` patients, with fixed attribute value indices (-1: sample). */
  | { type: 'list'; entries: { at: number; count: number; attributes: number[] }[] }
  /** Dated arrivals: at minute `at` of the run (not repeated), `count` patients with fixed attribute value indices (-1: sample). */
  | { type: 'dated'; entries: { at: number; count: number; attributes: number[] }[] }
  /** Booked slots at minutes-of-week, each with `perSlot` patients who come with probability 1 - noShow. */
  | { type: 'appointments'; slots: number[]; perSlot: number; noShow: number }
  | ClinicArrivalModel;

/** One weekly clinic session of one doctor: its booked times and its walk-ins. */
export interface ClinicSessionModel {
  /** Minutes of the week at which the session starts (one per day it runs). */
  startsAt: number[];
  /** The planned length in minutes: the session's planned end is its start plus this. */
  length: number;
  /** The doctor (a resource index) whose consultations the session's figures follow. */
  doctor: number;
  /** One booking per entry: minutes after the start, and the template's slot number (1 first). */
  bookings: { offset: number; slot: number }[];
  /** Minutes the doctor is late at the session's start (none: on time). */
  doctorLateness: DistributionSpec | null;
  /** Walk-ins: their mean number a session and relative weights for equal parts of the session. */
  walkIns: { mean: number; weights: number[] } | null;
}

/**
 * An outpatient clinic's appointment book, session by session: each booked patient is new with `newShare`
 * (else a follow-up), fails to come with the no-show of their kind, and comes their punctuality's minutes after
 * the slot (negative: early). Booked and walk-in patients carry the attributes `visit` and `booking`, and a
 * queue priority (their class's plus the rank of their kind under the clinic's rule).
 */
export interface ClinicArrivalModel {
  type: 'clinic';
  sessions: ClinicSessionModel[];
  newShare: number;
  /** No-show probability of a new and of a follow-up patient. */
  noShow: { new: number; followUp: number };
  punctuality: DistributionSpec | null;
  /** Attribute indices and the value indices of new/follow-up and booked/walk-in. */
  visit: { attribute: number; new: number; followUp: number };
  booking: { attribute: number; booked: number; walkIn: number };
  /** Added to the class priority: booked new, booked follow-up, walk-in. */
  rank: { new: number; followUp: number; walkIn: number };
  /** The seize step's figure name whose wait is the clinic wait (the first consultation). */
  consultation: string;
}

export interface ClassModel {
  name: string;
  department: string;
  emergencyDepartment: boolean;
  priority: number;
  arrivals: ArrivalModel;
  /**
   * Attributes sampled at arrival: index into `HospitalModel.attributes` and weights per value. With `follows`,
   * the value is set by another attribute of the class (drawn first): `valueOf[v]` for its value index v, or,
   * where that is -1, drawn from the weights.
   */
  attributes: { attribute: number; weights: number[]; follows?: { attribute: number; valueOf: number[] } }[];
  pathway: number;
}

export interface PathwayModel {
  name: string;
  steps: StepModel[];
}

export interface HospitalModel {
  /** Minute of the week (0 = Monday 00:00) at which time 0 falls. */
  startMinuteOfWeek: number;
  warmup: number;
  /** Minutes measured after the warm-up. */
  horizon: number;
  resources: ResourceModel[];
  items: ItemModel[];
  attributes: AttributeModel[];
  classes: ClassModel[];
  pathways: PathwayModel[];
  penalties: { cancelledCase: number; leftUnseen: number; boardingHour: number };
  /** Case-mix groups (DRG/DIP) and what the payer pays for each; absent: no groups. */
  caseMix?: CaseMixModel;
  /** What an hour of a patient's waiting is worth (reported apart, never in the hospital's cost); absent: not valued. */
  patientTimePerHour?: number;
  /** Minutes within which a wait at a seize step should end, by the step's figure name (a 30-minute triage target). */
  waitTargets?: Record<string, number>;
  /** The sites of a network this model was merged from, each with the prefix of its names; absent for one hospital. */
  sites?: { id: string; prefix: string }[];
}

/**
 * A case-mix group (a DRG or DIP code): payment = relative weight × base rate,
 * plus, for a stay beyond the group's upper trim point, a relative weight per
 * extra day (the long-stay outlier payment of DRG systems).
 */
export interface CaseMixGroupModel {
  code: string;
  name: string;
  /** Absent: what the payer pays for the group is not known (its payment and margin are not reported). */
  weight?: number;
  outlier?: { trimDays: number; perDayWeight: number };
}

/** Groups are the values of one patient attribute, in that attribute's value order. */
export interface CaseMixModel {
  /** Index into `HospitalModel.attributes` of the attribute whose values are the group codes. */
  attribute: number;
  /** Payment for a relative weight of 1; absent only when no group has a weight. */
  baseRate?: number;
  groups: CaseMixGroupModel[];
}
