/**
 * The run's observers as one: the interpreter tells this what happened and it
 * tells each observer in turn, costs first, then figures, cases, the trace (when
 * recorded) and any others (snapshots). Written out per event rather than as
 * a loop over a list, so each call site sees one kind of observer and V8 can
 * inline it: the ones that do not care cost nothing.
 */
import type { CaseObserver } from './case-observer.js';
import type { CostObserver } from './cost-observer.js';
import type { FigureObserver } from './figure-observer.js';
import type { RunObserver } from './observer.js';
import type { TraceObserver } from './trace-observer.js';
import type { ExitKind } from './trace-words.js';

export class Observers implements RunObserver {
  constructor(
    readonly costs: CostObserver,
    readonly figures: FigureObserver,
    /** Hears only arrivals, placements, waits and exits: called for those alone. */
    readonly cases: CaseObserver,
    readonly trace: TraceObserver | null,
    readonly others: readonly RunObserver[],
    /** false: costs, figures and cases are not told (a run whose figures are not wanted); the trace and others still are. */
    readonly counting = true,
  ) {}

  arrived(p: number, c: number): void {
    if (this.counting) {
      this.costs.arrived(p, c);
      this.figures.arrived(p, c);
      this.cases.arrived(p, c);
    }
    if (this.trace !== null) this.trace.arrived(p, c);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.arrived(p, c);
  }

  placed(p: number, c: number): void {
    if (this.counting) {
      this.costs.placed(p, c);
      this.figures.placed(p, c);
      this.cases.placed(p, c);
    }
    if (this.trace !== null) this.trace.placed(p, c);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.placed(p, c);
  }

  requested(p: number, first: number): void {
    if (this.counting) {
      this.costs.requested(p, first);
      this.figures.requested(p, first);
    }
    if (this.trace !== null) this.trace.requested(p, first);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.requested(p, first);
  }

  waited(p: number, pathway: number, step: number, minutes: number): void {
    if (this.counting) {
      this.costs.waited(p, pathway, step, minutes);
      this.figures.waited(p, pathway, step, minutes);
      this.cases.waited(p, pathway, step, minutes);
    }
    if (this.trace !== null) this.trace.waited(p, pathway, step, minutes);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.waited(p, pathway, step, minutes);
  }

  seized(p: number, r: number): void {
    if (this.counting) {
      this.costs.seized(p, r);
      this.figures.seized(p, r);
    }
    if (this.trace !== null) this.trace.seized(p, r);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.seized(p, r);
  }

  released(p: number, r: number): void {
    if (this.counting) {
      this.costs.released(p, r);
      this.figures.released(p, r);
    }
    if (this.trace !== null) this.trace.released(p, r);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.released(p, r);
  }

  turnoverEnded(serial: number, r: number): void {
    if (this.counting) {
      this.costs.turnoverEnded(serial, r);
      this.figures.turnoverEnded(serial, r);
    }
    if (this.trace !== null) this.trace.turnoverEnded(serial, r);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.turnoverEnded(serial, r);
  }

  started(p: number, activity: string): void {
    if (this.counting) {
      this.costs.started(p, activity);
      this.figures.started(p, activity);
    }
    if (this.trace !== null) this.trace.started(p, activity);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.started(p, activity);
  }

  finished(p: number, activity: string): void {
    if (this.counting) {
      this.costs.finished(p, activity);
      this.figures.finished(p, activity);
    }
    if (this.trace !== null) this.trace.finished(p, activity);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.finished(p, activity);
  }

  stockOut(p: number, item: number): void {
    if (this.counting) {
      this.costs.stockOut(p, item);
      this.figures.stockOut(p, item);
    }
    if (this.trace !== null) this.trace.stockOut(p, item);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.stockOut(p, item);
  }

  consumed(p: number, item: number, quantity: number): void {
    if (this.counting) {
      this.costs.consumed(p, item, quantity);
      this.figures.consumed(p, item, quantity);
    }
    if (this.trace !== null) this.trace.consumed(p, item, quantity);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.consumed(p, item, quantity);
  }

  used(serial: number, pathway: number, r: number, from: number, grantedAt: number, requestedAt: number): void {
    if (this.counting) {
      this.costs.used(serial, pathway, r, from, grantedAt, requestedAt);
      this.figures.used(serial, pathway, r, from, grantedAt, requestedAt);
    }
    if (this.trace !== null) this.trace.used(serial, pathway, r, from, grantedAt, requestedAt);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.used(serial, pathway, r, from, grantedAt, requestedAt);
  }

  boarded(p: number, since: number): void {
    if (this.counting) {
      this.costs.boarded(p, since);
      this.figures.boarded(p, since);
    }
    if (this.trace !== null) this.trace.boarded(p, since);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.boarded(p, since);
  }

  leftEd(p: number, minutes: number): void {
    if (this.counting) {
      this.costs.leftEd(p, minutes);
      this.figures.leftEd(p, minutes);
    }
    if (this.trace !== null) this.trace.leftEd(p, minutes);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.leftEd(p, minutes);
  }

  turnedAway(p: number): void {
    if (this.counting) {
      this.costs.turnedAway(p);
      this.figures.turnedAway(p);
    }
    if (this.trace !== null) this.trace.turnedAway(p);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.turnedAway(p);
  }

  leftUnseen(p: number): void {
    if (this.counting) {
      this.costs.leftUnseen(p);
      this.figures.leftUnseen(p);
    }
    if (this.trace !== null) this.trace.leftUnseen(p);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.leftUnseen(p);
  }

  cancelled(p: number): void {
    if (this.counting) {
      this.costs.cancelled(p);
      this.figures.cancelled(p);
    }
    if (this.trace !== null) this.trace.cancelled(p);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.cancelled(p);
  }

  left(p: number, how: ExitKind, completed: boolean): void {
    if (this.counting) {
      this.costs.left(p, how, completed);
      this.figures.left(p, how, completed);
      this.cases.left(p, how, completed);
    }
    if (this.trace !== null) this.trace.left(p, how, completed);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.left(p, how, completed);
  }

  brokeDown(r: number, down: boolean): void {
    if (this.counting) {
      this.costs.brokeDown(r, down);
      this.figures.brokeDown(r, down);
    }
    if (this.trace !== null) this.trace.brokeDown(r, down);
    for (let k = 0; k < this.others.length; k++) this.others[k]!.brokeDown(r, down);
  }
}
