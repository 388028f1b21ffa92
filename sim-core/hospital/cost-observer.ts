/**
 * Books what the run's events cost, into the ledger: resource time used (by
 * its kind's cost type), consumables and penalties, from the end of the
 * warm-up to the end of the horizon. Capacity costs (idle time, overtime
 * premium, fixed daily costs) are booked at the close, by figures.ts.
 */
import type { Simulation } from '../simulation.js';
import { CostLedger, costTypeIndex, NONE } from './cost-ledger.js';
import type { HospitalModel } from './model.js';
import { QuietObserver } from './observer.js';
import type { PatientTable } from './patients.js';
import { RESOURCE_KINDS } from './resource-kinds.js';

const PENALTY = costTypeIndex('penalties');
const CONSUMABLE = costTypeIndex('consumables');

export class CostObserver extends QuietObserver {
  readonly ledger: CostLedger;
  /** Departments by index: of resources and classes, in model order. */
  readonly departments: string[];
  private readonly resourceDept: number[];
  private readonly classDept: number[];
  private readonly costType: number[];

  constructor(
    private readonly sim: Simulation,
    private readonly model: HospitalModel,
    private readonly patients: PatientTable,
    private readonly warmupEnd: number,
    private readonly end: number,
  ) {
    super();
    this.departments = [...new Set([...model.resources.map((r) => r.department), ...model.classes.map((c) => c.department)])];
    this.ledger = new CostLedger(
      model.pathways.map((p) => p.name),
      this.departments,
      model.resources.map((r) => r.name),
    );
    this.resourceDept = model.resources.map((r) => this.departmentOf(r.department));
    this.classDept = model.classes.map((c) => this.departmentOf(c.department));
    this.costType = model.resources.map((r) => costTypeIndex(RESOURCE_KINDS[r.kind].costType));
  }

  departmentOf(name: string): number {
    return this.departments.indexOf(name);
  }

  private measuring(): boolean {
    return this.sim.now >= this.warmupEnd;
  }

  override used(serial: number, pathway: number, r: number, from: number, _grantedAt: number, _requestedAt: number): void {
    const minutes = Math.min(this.sim.now, this.end) - Math.max(from, this.warmupEnd);
    if (minutes <= 0) return;
    this.ledger.charge(serial, pathway, this.resourceDept[r]!, r, this.costType[r]!, (minutes / 60) * this.model.resources[r]!.costPerBusyHour);
  }

  override consumed(p: number, item: number, quantity: number): void {
    if (this.measuring()) this.charge(p, CONSUMABLE, quantity * this.model.items[item]!.unitCost);
  }

  override boarded(p: number, since: number): void {
    const minutes = this.sim.now - Math.max(since, this.warmupEnd);
    if (minutes > 0 && this.measuring()) this.charge(p, PENALTY, (minutes / 60) * this.model.penalties.boardingHour);
  }

  override leftUnseen(p: number): void {
    if (this.measuring()) this.charge(p, PENALTY, this.model.penalties.leftUnseen);
  }

  override cancelled(p: number): void {
    if (this.measuring()) this.charge(p, PENALTY, this.model.penalties.cancelledCase);
  }

  private charge(p: number, type: number, amount: number): void {
    const { patients } = this;
    this.ledger.charge(patients.serialOf[p]!, patients.pathwayOf[p]!, this.classDept[patients.klass[p]!]!, NONE, type, amount);
  }
}
