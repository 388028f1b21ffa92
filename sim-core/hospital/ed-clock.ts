/**
 * The ED 4-hour clock: an ED patient's time in the ED runs from arrival until
 * admitted to a ward of another department (a resource whose kind admits from
 * the ED) or gone. Counted by the figures for arrivals after the warm-up.
 */
import type { Resource } from '../resources/resource.js';
import type { Simulation } from '../simulation.js';
import type { RunObserver } from './observer.js';
import type { PatientTable } from './patients.js';

export class EdClock {
  constructor(
    private readonly sim: Simulation,
    private readonly patients: PatientTable,
    private readonly observe: RunObserver,
    /** Per resource: taking it ends an ED stay (a ward bed)... */
    private readonly admitsFromEd: readonly boolean[],
    /** ...when its department is not the patient's class's. */
    private readonly resourceDept: readonly number[],
    private readonly classDept: readonly number[],
  ) {}

  /** The patient took `set`: admitted out of the ED if it holds a bed of another department. */
  took(p: number, set: readonly Resource[]): void {
    if (this.patients.inEd[p] !== 1) return;
    for (let k = 0; k < set.length; k++) {
      if (this.admits(p, set[k]!.id)) {
        this.leave(p);
        return;
      }
    }
  }

  /** Whether holding `r` means the patient has been admitted out of the ED. */
  admits(p: number, r: number): boolean {
    return this.admitsFromEd[r]! && this.resourceDept[r] !== this.classDept[this.patients.klass[p]!];
  }

  /** The clock stops: admitted or discharged. */
  leave(p: number): void {
    this.patients.leaveEd(p);
    this.observe.leftEd(p, this.sim.now - this.patients.arrivedAt[p]!);
  }

  /** The patient leaves the hospital: a completed stay ends the ED time; leaving unseen, cancelled or turned away does not count as one. */
  exit(p: number, completed: boolean): void {
    if (this.patients.inEd[p] !== 1) return;
    if (completed) this.leave(p);
    else this.patients.leaveEd(p);
  }
}
