/**
 * Activity-based cost accounting. Every charge is booked once, against a
 * patient (or none, for capacity cost), a pathway, a department, a resource
 * (or none) and a cost type, and added to the total of each of those cuts, so
 * that every cut sums to the same grand total.
 */
export const COST_TYPES = ['staff', 'overtime', 'roomsAndDevices', 'beds', 'consumables', 'penalties'] as const;
export type CostType = (typeof COST_TYPES)[number];

/** Index used for "not attributable to a patient / pathway / resource" (capacity cost). */
export const NONE = -1;

export class CostLedger {
  readonly byPatient: number[] = [];
  /** Costs no patient caused: idle capacity, fixed daily costs, overtime premium. */
  unattributed = 0;
  readonly byPathway: number[];
  readonly byDepartment: number[];
  readonly byResource: number[];
  readonly byType: number[];
  capacityCost = 0;
  total = 0;

  constructor(
    readonly pathwayNames: readonly string[],
    readonly departmentNames: readonly string[],
    readonly resourceNames: readonly string[],
  ) {
    this.byPathway = new Array<number>(pathwayNames.length + 1).fill(0);
    this.byDepartment = new Array<number>(departmentNames.length).fill(0);
    this.byResource = new Array<number>(resourceNames.length + 1).fill(0);
    this.byType = new Array<number>(COST_TYPES.length).fill(0);
  }

  /** Books `amount` on every cut; pathway and resource may be NONE. */
  charge(patient: number, pathway: number, department: number, resource: number, type: number, amount: number): void {
    if (amount === 0) return;
    if (patient === NONE) {
      this.unattributed += amount;
      this.capacityCost += amount;
    } else {
      this.byPatient[patient] = (this.byPatient[patient] ?? 0) + amount;
    }
    this.byPathway[pathway === NONE ? this.pathwayNames.length : pathway]! += amount;
    this.byDepartment[department]! += amount;
    this.byResource[resource === NONE ? this.resourceNames.length : resource]! += amount;
    this.byType[type]! += amount;
    this.total += amount;
  }

  /** Sum of each cut; all equal `total` up to rounding. */
  cutTotals(): { patient: number; pathway: number; department: number; resource: number; type: number } {
    const sum = (xs: readonly (number | undefined)[]): number => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
    return {
      patient: sum(this.byPatient) + this.unattributed,
      pathway: sum(this.byPathway),
      department: sum(this.byDepartment),
      resource: sum(this.byResource),
      type: sum(this.byType),
    };
  }
}

export function costTypeIndex(type: CostType): number {
  return COST_TYPES.indexOf(type);
}
