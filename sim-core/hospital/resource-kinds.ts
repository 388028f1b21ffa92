/**
 * What each kind of resource is, in one table: the cost type its time is
 * booked under, the figures it reports, whether a bed in it admits a patient
 * out of the ED, whether its idle time costs, and what its units mean to the
 * readers of a run (a bed in the census, a theatre, what a bed wait is for).
 * The compiler, the interpreter, the figures, the forecast, the state of today,
 * the CLI and the viewer read it, asking what they mean rather than a kind's
 * name; a new kind is one line here.
 */
import type { CostType } from './cost-ledger.js';

export interface ResourceKindInfo {
  /** The cost type busy and idle time is booked under. */
  costType: CostType;
  /**
   * The share figure: `occupancy` (beds: mean occupied over beds, with
   * `beds.<name>.meanOccupied`), `utilisation` (busy over on-duty time), or
   * `census` (no capacity to share: mean in use, `census.<name>.mean`).
   */
  share: 'occupancy' | 'utilisation' | 'census';
  /** Reports `overtime.<name>.hours` (units busy past the end of their shift). */
  overtime: boolean;
  /** Its overtime counts in the hospital's `overtime.hours` (staff). */
  staffOvertime: boolean;
  /** Reports `imaging.<name>.turnaround.mean` (request to end of use). */
  turnaround: boolean;
  /** Taking one in another department ends an ED patient's time in the ED (admission). */
  admitsFromEd: boolean;
  /** On-duty idle time is charged (capacity cost); not for a resource of unlimited capacity. */
  idleCost: boolean;
  /** Capacity is unlimited: no one ever waits for it. */
  unlimited: boolean;
  /**
   * A unit is a bed a patient lies in for a stay: counted in the census (the
   * bed board, a forecast, a state's `ward`); a patient already in a place waits
   * for one where it is (boarding), and a bed of another such resource ends the
   * wait for the first (an outlier).
   */
  bed: boolean;
  /** Waiting for one is waiting for a bed or a trolley (a booked case delayed or cancelled for want of a bed). */
  bedWait: boolean;
  /** Taking one starts a patient's time in theatre: its pathway is surgical, and a case cancelled waiting for one is cancelled for theatre. */
  theatre: boolean;
}

export const RESOURCE_KINDS = {
  ward: {
    costType: 'beds',
    share: 'occupancy',
    overtime: false,
    staffOvertime: false,
    turnaround: false,
    admitsFromEd: true,
    idleCost: true,
    unlimited: false,
    bed: true,
    bedWait: true,
    theatre: false,
  },
  staff: {
    costType: 'staff',
    share: 'utilisation',
    overtime: true,
    staffOvertime: true,
    turnaround: false,
    admitsFromEd: false,
    idleCost: true,
    unlimited: false,
    bed: false,
    bedWait: false,
    theatre: false,
  },
  room: {
    costType: 'roomsAndDevices',
    share: 'utilisation',
    overtime: true,
    staffOvertime: false,
    turnaround: false,
    admitsFromEd: false,
    idleCost: true,
    unlimited: false,
    bed: false,
    bedWait: false,
    theatre: true,
  },
  device: {
    costType: 'roomsAndDevices',
    share: 'utilisation',
    overtime: false,
    staffOvertime: false,
    turnaround: true,
    admitsFromEd: false,
    idleCost: true,
    unlimited: false,
    bed: false,
    bedWait: false,
    theatre: false,
  },
  pool: {
    costType: 'roomsAndDevices',
    share: 'utilisation',
    overtime: false,
    staffOvertime: false,
    turnaround: false,
    admitsFromEd: false,
    idleCost: true,
    unlimited: false,
    bed: false,
    bedWait: true,
    theatre: false,
  },
  unlimited: {
    costType: 'roomsAndDevices',
    share: 'census',
    overtime: false,
    staffOvertime: false,
    turnaround: false,
    admitsFromEd: false,
    idleCost: false,
    unlimited: true,
    bed: false,
    bedWait: false,
    theatre: false,
  },
} as const satisfies Record<string, ResourceKindInfo>;

export type ResourceKind = keyof typeof RESOURCE_KINDS;

export const RESOURCE_KIND_NAMES = Object.keys(RESOURCE_KINDS) as ResourceKind[];

/** Units of a resource of unlimited capacity: more than any run can hold at once. */
export const UNLIMITED_UNITS = 2 ** 31 - 1;

export function resourceKind(kind: ResourceKind): ResourceKindInfo {
  return RESOURCE_KINDS[kind];
}
