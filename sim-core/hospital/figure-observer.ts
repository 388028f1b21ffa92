/**
 * Keeps the counts and tallies the figures are made of (figures.ts turns them,
 * and the resources' and stock's own statistics, into figures at the close).
 * Counts what happens from the end of the warm-up on; lengths of stay and ED
 * times only of patients who arrived after it (or were placed, when there is
 * none).
 */
import { Tally } from '../stats/tally.js';
import { putFigures } from './figures.js';
import type { ObserverContext, RunFindings } from './observer.js';
import { stepVerb } from '../verbs/index.js';
import { RESOURCE_KINDS } from './resource-kinds.js';
import type { ExitKind } from './trace-words.js';
import { USE, type KeptUses } from './use-log.js';

export class FigureObserver {
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

  constructor(private readonly run: ObserverContext) {
    const model = run.model;
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
    return this.run.sim.now >= this.run.warmupEnd;
  }

  arrived(_p: number, c: number): void {
    if (this.measuring()) this.arrivals[c]!++;
  }

  waited(_p: number, pathway: number, step: number, minutes: number): void {
    if (this.measuring()) this.seizeTally[pathway]![step]!.add(minutes);
  }

  used(_serial: number, _pathway: number, r: number, from: number, grantedAt: number, requestedAt: number): void {
    this.use(r, from, grantedAt, requestedAt, this.run.sim.now);
  }

  /** The same for kept uses (their tallies are read only at the close). */
  usedMany(uses: KeptUses): void {
    for (let k = 0; k < uses.count; k++) {
      if (uses.kind[k] === USE) this.use(uses.resource[k]!, uses.from[k]!, uses.grantedAt[k]!, uses.requestedAt[k]!, uses.at[k]!);
    }
  }

  /** A use of `r` from `from` to `now`. */
  private use(r: number, from: number, grantedAt: number, requestedAt: number, now: number): void {
    // Busy time the costs count (after the warm-up, before the end), from the grant: the end of one use.
    if (from !== grantedAt || now < this.run.warmupEnd || now > this.run.end) return;
    if (Math.min(now, this.run.end) - Math.max(from, this.run.warmupEnd) <= 0) return;
    this.timeInSystem[r]!.add(now - requestedAt);
    if (this.turnaroundKind[r]) this.turnaround[r]!.add(now - requestedAt);
  }

  boarded(_p: number, since: number): void {
    const minutes = this.run.sim.now - Math.max(since, this.run.warmupEnd);
    if (minutes > 0) this.boardingMinutes += minutes;
  }

  leftEd(p: number, minutes: number): void {
    if (!this.measuring() || this.run.patients.counted[p] === 0) return;
    const c = this.run.patients.klass[p]!;
    this.edDepartures[c]!++;
    this.edTime.add(minutes);
    if (minutes <= 240) this.within4h[c]!++;
  }

  turnedAway(p: number): void {
    if (this.measuring()) this.turnedAwayCount[this.run.patients.klass[p]!]!++;
  }

  leftUnseen(p: number): void {
    if (this.measuring()) this.leftUnseenCount[this.run.patients.klass[p]!]!++;
  }

  cancelled(p: number): void {
    if (this.measuring()) this.cancelledCount[this.run.patients.klass[p]!]!++;
  }

  left(p: number, _how: ExitKind, completed: boolean): void {
    if (!completed || !this.measuring() || this.run.patients.counted[p] === 0) return;
    const c = this.run.patients.klass[p]!;
    this.departures[c]!++;
    this.los[c]!.add(this.run.sim.now - this.run.patients.arrivedAt[p]!);
  }

  close(into: RunFindings): void {
    putFigures(into.figures, this.run, this);
  }
}
