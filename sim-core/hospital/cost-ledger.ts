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
  /** Cost of each patient by serial number; grown by doubling, so a charge allocates nothing. */
  private patientCost = new Float64Array(1024);
  /** The same by cost type: `COST_TYPES.length` per patient, for cost per case by type. */
  private patientTypeCost = new Float64Array(1024 * COST_TYPES.length);
  private patientsSeen = 0;
  /** Costs no patient caused: idle capacity, fixed daily costs, overtime premium. */
  unattributed = 0;
  readonly byPathway: Float64Array;
  readonly byDepartment: Float64Array;
  readonly byResource: Float64Array;
  readonly byType: Float64Array;
  /** Each department's cost by type (`COST_TYPES.length` per department): a network's cost by site and type. */
  readonly byDepartmentType: Float64Array;
  /** Each department's part of the capacity cost. */
  readonly capacityByDepartment: Float64Array;
  capacityCost = 0;
  total = 0;

  constructor(
    readonly pathwayNames: readonly string[],
    readonly departmentNames: readonly string[],
    readonly resourceNames: readonly string[],
  ) {
    this.byPathway = new Float64Array(pathwayNames.length + 1);
    this.byDepartment = new Float64Array(departmentNames.length);
    this.byResource = new Float64Array(resourceNames.length + 1);
    this.byType = new Float64Array(COST_TYPES.length);
    this.byDepartmentType = new Float64Array(departmentNames.length * COST_TYPES.length);
    this.capacityByDepartment = new Float64Array(departmentNames.length);
  }

  /** Books `amount` on every cut; patient, pathway and resource may be NONE. */
  charge(patient: number, pathway: number, department: number, resource: number, type: number, amount: number): void {
    if (amount === 0) return;
    if (patient === NONE) {
      this.unattributed += amount;
      this.capacityCost += amount;
      this.capacityByDepartment[department]! += amount;
    } else {
      if (patient >= this.patientCost.length) this.growTo(patient);
      this.patientCost[patient]! += amount;
      this.patientTypeCost[patient * COST_TYPES.length + type]! += amount;
      if (patient >= this.patientsSeen) this.patientsSeen = patient + 1;
    }
    this.byPathway[pathway === NONE ? this.pathwayNames.length : pathway]! += amount;
    this.byDepartment[department]! += amount;
    this.byDepartmentType[department * COST_TYPES.length + type]! += amount;
    this.byResource[resource === NONE ? this.resourceNames.length : resource]! += amount;
    this.byType[type]! += amount;
    this.total += amount;
  }

  /** Cost caused by each patient, by serial number (0 for one who caused none). */
  get byPatient(): Float64Array {
    return this.patientCost.subarray(0, this.patientsSeen);
  }

  /** What patient `serial` cost in each cost type, into `out` (COST_TYPES order). */
  patientCostByType(serial: number, out: Float64Array): Float64Array {
    const n = COST_TYPES.length;
    for (let t = 0; t < n; t++) out[t] = serial < this.patientsSeen ? this.patientTypeCost[serial * n + t]! : 0;
    return out;
  }

  /**
   * What each of patients `serials[0..count)` cost in each cost type, into
   * `out` row by row (COST_TYPES order, `COST_TYPES.length` per patient): one
   * call for all the cases at the close, not a call per case.
   */
  costsByType(serials: Int32Array, count: number, out: Float64Array): void {
    const n = COST_TYPES.length;
    const byType = this.patientTypeCost;
    const seen = this.patientsSeen;
    for (let k = 0; k < count; k++) {
      const serial = serials[k]!;
      for (let t = 0; t < n; t++) out[k * n + t] = serial < seen ? byType[serial * n + t]! : 0;
    }
  }

  /** Sum of each cut; all equal `total` up to rounding. */
  cutTotals(): { patient: number; pathway: number; department: number; resource: number; type: number } {
    const sum = (xs: Float64Array): number => xs.reduce((s, x) => s + x, 0);
    return {
      patient: sum(this.byPatient) + this.unattributed,
      pathway: sum(this.byPathway),
      department: sum(this.byDepartment),
      resource: sum(this.byResource),
      type: sum(this.byType),
    };
  }

  private growTo(patient: number): void {
    let length = this.patientCost.length;
    while (length <= patient) length *= 2;
    const grown = new Float64Array(length);
    grown.set(this.patientCost);
    this.patientCost = grown;
    const byType = new Float64Array(length * COST_TYPES.length);
    byType.set(this.patientTypeCost);
    this.patientTypeCost = byType;
  }
}

export function costTypeIndex(type: CostType): number {
  return COST_TYPES.indexOf(type);
}
