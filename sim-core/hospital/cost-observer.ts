/**
 * Books what the run costs, into the ledger: resource time used (by its
 * kind's cost type), consumables and penalties as they happen, from the end
 * of the warm-up to the end of the horizon; at the close, capacity costs (idle
 * on-duty time, the overtime premium, fixed daily costs), then the cost
 * figures (`cost.*`).
 */
import { COST_TYPES, CostLedger, costTypeIndex, NONE } from './cost-ledger.js';
import type { HospitalModel } from './model.js';
import type { ObserverContext, RunFindings } from './observer.js';
import { RESOURCE_KINDS } from './resource-kinds.js';
import { USE, type KeptUses } from './use-log.js';

const PENALTY = costTypeIndex('penalties');
const CONSUMABLE = costTypeIndex('consumables');
const OVERTIME = costTypeIndex('overtime');

/** The run's ledger: by pathway, by department (of resources, then classes, in model order) and by resource. */
export function ledgerFor(model: HospitalModel): CostLedger {
  const departments = [...new Set([...model.resources.map((r) => r.department), ...model.classes.map((c) => c.department)])];
  return new CostLedger(
    model.pathways.map((p) => p.name),
    departments,
    model.resources.map((r) => r.name),
  );
}

export class CostObserver {
  private readonly ledger: CostLedger;
  private readonly resourceDept: number[];
  private readonly classDept: number[];
  private readonly costType: number[];
  /** Arrivals after the warm-up, for the cost per patient. */
  private arrivals = 0;

  constructor(private readonly run: ObserverContext) {
    const { model, ledger } = run;
    this.ledger = ledger;
    this.resourceDept = model.resources.map((r) => ledger.departmentNames.indexOf(r.department));
    this.classDept = model.classes.map((c) => ledger.departmentNames.indexOf(c.department));
    this.costType = model.resources.map((r) => costTypeIndex(RESOURCE_KINDS[r.kind].costType));
  }

  private measuring(): boolean {
    return this.run.sim.now >= this.run.warmupEnd;
  }

  arrived(_p: number, _c: number): void {
    if (this.measuring()) this.arrivals++;
  }

  used(serial: number, pathway: number, r: number, from: number, _grantedAt: number, _requestedAt: number): void {
    this.use(serial, pathway, r, from, this.run.sim.now);
  }

  /** Kept uses and, between them in the run's order, its own charges that waited with them. */
  usedMany(uses: KeptUses): void {
    for (let k = 0; k < uses.count; k++) {
      if (uses.kind[k] === USE) this.use(uses.serial[k]!, uses.pathway[k]!, uses.resource[k]!, uses.from[k]!, uses.at[k]!);
      else this.book(uses.serial[k]!, uses.pathway[k]!, uses.resource[k]!, uses.costType[k]!, uses.from[k]!);
    }
  }

  /** A use of `r` from `from` to `now`, charged to the case. */
  private use(serial: number, pathway: number, r: number, from: number, now: number): void {
    const minutes = Math.min(now, this.run.end) - Math.max(from, this.run.warmupEnd);
    if (minutes <= 0) return;
    this.ledger.charge(serial, pathway, this.resourceDept[r]!, r, this.costType[r]!, (minutes / 60) * this.run.model.resources[r]!.costPerBusyHour);
  }

  consumed(p: number, item: number, quantity: number): void {
    if (this.measuring()) this.charge(p, CONSUMABLE, quantity * this.run.model.items[item]!.unitCost);
  }

  boarded(p: number, since: number): void {
    const minutes = this.run.sim.now - Math.max(since, this.run.warmupEnd);
    if (minutes > 0 && this.measuring()) this.charge(p, PENALTY, (minutes / 60) * this.run.model.penalties.boardingHour);
  }

  leftUnseen(p: number): void {
    if (this.measuring()) this.charge(p, PENALTY, this.run.model.penalties.leftUnseen);
  }

  cancelled(p: number): void {
    if (this.measuring()) this.charge(p, PENALTY, this.run.model.penalties.cancelledCase);
  }

  close(into: RunFindings): void {
    this.chargeCapacity();
    const { ledger } = this;
    const f = into.figures;
    f['cost.total'] = ledger.total;
    COST_TYPES.forEach((t, i) => (f[`cost.${t}`] = ledger.byType[i]!));
    ledger.departmentNames.forEach((d, i) => (f[`cost.department.${d}`] = ledger.byDepartment[i]!));
    f['cost.capacity'] = ledger.capacityCost;
    f['cost.perPatient'] = this.arrivals > 0 ? ledger.total / this.arrivals : NaN;
  }

  /** Capacity costs: idle on-duty time, the overtime premium, fixed daily costs. */
  private chargeCapacity(): void {
    const { model, resources, end } = this.run;
    const horizonDays = model.horizon / 1440;
    resources.forEach((r, i) => {
      const m = model.resources[i]!;
      const dept = this.resourceDept[i]!;
      const onDuty = r.onDuty.area(end) / 60;
      const busy = r.busyUnits.area(end) / 60;
      const overtime = r.overtimeUnits.area(end) / 60;
      const costType = this.costType[i]!;
      if (RESOURCE_KINDS[m.kind].idleCost) this.ledger.charge(NONE, NONE, dept, i, costType, Math.max(0, onDuty - (busy - overtime)) * m.costPerIdleHour);
      this.ledger.charge(NONE, NONE, dept, i, OVERTIME, overtime * m.overtimePremiumPerHour);
      this.ledger.charge(NONE, NONE, dept, i, costType, horizonDays * m.fixedCostPerDay);
    });
  }

  private charge(p: number, type: number, amount: number): void {
    const { patients, uses } = this.run;
    const serial = patients.serialOf[p]!;
    const pathway = patients.pathwayOf[p]!;
    const department = this.classDept[patients.klass[p]!]!;
    if (uses.waiting) uses.addCharge(serial, pathway, department, type, amount);
    else this.book(serial, pathway, department, type, amount);
  }

  /** A charge of the patient's own (consumables, penalties), booked now or, while uses wait, after them. */
  private book(serial: number, pathway: number, department: number, type: number, amount: number): void {
    this.ledger.charge(serial, pathway, department, NONE, type, amount);
  }
}
