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

export type {
  AppointmentArrivalModel,
  ArrivalModel,
  ArrivalSurge,
  ClinicArrivalModel,
  ClinicSessionModel,
  DatedArrivalModel,
  ListArrivalModel,
  WeeklyArrivalModel,
} from './arrivals/index.js';
import type { ArrivalModel } from './arrivals/index.js';

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
