/**
 * Keeps the counts and tallies the figures are made of (figures.ts turns them
 * into figures at the close). Counts what happens from the end of the warm-up
 * on; lengths of stay and ED times only of patients who arrived after it (or
 * were placed, when there is none).
 */
import type { Simulation } from '../simulation.js';
import { Tally } from '../stats/tally.js';
import { stepVerb } from '../verbs/index.js';
import type { HospitalModel } from './model.js';
import { QuietObserver } from './observer.js';
import type { PatientTable } from './patients.js';
import { RESOURCE_KINDS } from './resource-kinds.js';
import type { ExitKind } from './trace-words.js';

export class FigureObserver extends QuietObserver {
  /** Waits (minutes) per seize step figure name, in the order the steps come. */
  readonly waitTallies = new Map<string, Tally>();
  /** Lengths of stay (minutes) of patients who completed their pathway, per class. */
  readonly los: Tally[];
  readonly arrivals: number[];
  readonly departures: number[];
  /** ED patients whose time in the ED ended (admitted to a ward of another department, or discharged). */
  readonly edDepartures: number[];
  /** Of those, the ones out of the ED within 4 hours of arrival. */
  readonly within4h: number[];
  /** Minutes from arrival to leaving the ED (admission to a ward or discharge), all ED classes. */
  readonly edTime = new Tally({ keepValues: true });
  readonly leftUnseenCount: number[];
  readonly cancelledCount: number[];
  readonly turnedAwayCount: number[];
  boardingMinutes = 0;
  /** Request to end of use, per resource whose kind reports turnaround (minutes). */
  readonly turnaround: Tally[];
  /** Request to end of use, per resource (time in system at the station, minutes). */
  readonly timeInSystem: Tally[];
  private readonly seizeTally: (Tally | null)[][];
  private readonly turnaroundKind: boolean[];

  constructor(
    private readonly sim: Simulation,
    readonly model: HospitalModel,
    private readonly patients: PatientTable,
    private readonly warmupEnd: number,
    private readonly end: number,
  ) {
    super();
    this.seizeTally = model.pathways.map((p) =>
      p.steps.map((s) => {
        // Waits are tallied by the figure id of the step waited at.
        const standing = stepVerb(s).standing;
        if (standing?.kind !== 'wait') return null;
        const figure = standing.names(s)[0]!;
        let t = this.waitTallies.get(figure);
        if (!t) {
          t = new Tally({ keepValues: true });
          this.waitTallies.set(figure, t);
        }
        return t;
      }),
    );
    const perClass = (): number[] => model.classes.map(() => 0);
    this.los = model.classes.map(() => new Tally({ keepValues: true }));
    this.arrivals = perClass();
    this.departures = perClass();
    this.edDepartures = perClass();
    this.within4h = perClass();
    this.leftUnseenCount = perClass();
    this.cancelledCount = perClass();
    this.turnedAwayCount = perClass();
    this.turnaround = model.resources.map(() => new Tally());
    this.timeInSystem = model.resources.map(() => new Tally());
    this.turnaroundKind = model.resources.map((r) => RESOURCE_KINDS[r.kind].turnaround);
  }

  private measuring(): boolean {
    return this.sim.now >= this.warmupEnd;
  }

  override arrived(_p: number, c: number): void {
    if (this.measuring()) this.arrivals[c]!++;
  }

  override waited(_p: number, pathway: number, step: number, minutes: number): void {
    if (this.measuring()) this.seizeTally[pathway]![step]!.add(minutes);
  }

  override used(_serial: number, _pathway: number, r: number, from: number, grantedAt: number, requestedAt: number): void {
    const now = this.sim.now;
    // Busy time the costs count (after the warm-up, before the end), from the grant: the end of one use.
    if (from !== grantedAt || !this.measuring() || now > this.end) return;
    if (Math.min(now, this.end) - Math.max(from, this.warmupEnd) <= 0) return;
    this.timeInSystem[r]!.add(now - requestedAt);
    if (this.turnaroundKind[r]) this.turnaround[r]!.add(now - requestedAt);
  }

  override boarded(_p: number, since: number): void {
    const minutes = this.sim.now - Math.max(since, this.warmupEnd);
    if (minutes > 0) this.boardingMinutes += minutes;
  }

  override leftEd(p: number, minutes: number): void {
    if (!this.measuring() || this.patients.counted[p] === 0) return;
    const c = this.patients.klass[p]!;
    this.edDepartures[c]!++;
    this.edTime.add(minutes);
    if (minutes <= 240) this.within4h[c]!++;
  }

  override turnedAway(p: number): void {
    if (this.measuring()) this.turnedAwayCount[this.patients.klass[p]!]!++;
  }

  override leftUnseen(p: number): void {
    if (this.measuring()) this.leftUnseenCount[this.patients.klass[p]!]!++;
  }

  override cancelled(p: number): void {
    if (this.measuring()) this.cancelledCount[this.patients.klass[p]!]!++;
  }

  override left(p: number, _how: ExitKind, completed: boolean): void {
    if (!completed || !this.measuring() || this.patients.counted[p] === 0) return;
    const c = this.patients.klass[p]!;
    this.departures[c]!++;
    this.los[c]!.add(this.sim.now - this.patients.arrivedAt[p]!);
  }
}
