/**
 * Keeps a record of every finished case (a patient who arrived after the
 * warm-up and left before the end of the horizon, by whatever way): its
 * serial, class, pathway, attribute values, length of stay, how it ended, and
 * the minutes it spent waiting at seize steps. Costs are read from the ledger
 * at the close, by serial, since some are booked after the patient has left
 * (a room cleaned after its case is charged to that case).
 */
import { caseFigures } from './case-figures.js';
import type { ObserverContext, RunFindings } from './observer.js';
import type { ExitKind } from './trace-words.js';

export interface FinishedCases {
  count: number;
  serial: Int32Array;
  klass: Int32Array;
  pathway: Int32Array;
  /** Attribute value indices, `attributeCount` per case; -1 for none. */
  attrs: Int32Array;
  /** Minutes from arrival to leaving. */
  stay: Float64Array;
  /** Minutes waited at seize steps. */
  waited: Float64Array;
  completed: Uint8Array;
}

export class CaseObserver {
  /** Minutes each slot's patient has waited so far (reset when the slot is taken). */
  private waitedBySlot = new Float64Array(64);
  private cases: FinishedCases;

  constructor(private readonly run: ObserverContext) {
    this.cases = emptyCases(256, run.patients.attributeCount);
  }

  /** The finished cases' figures (case-figures.ts), costed from the ledger: after the costs have closed. */
  close(into: RunFindings): void {
    caseFigures(into.figures, this.run.model, this.cases, this.run.ledger);
  }

  arrived(p: number, _c: number): void {
    this.startSlot(p);
  }

  placed(p: number, _c: number): void {
    this.startSlot(p);
  }

  waited(p: number, _pathway: number, _step: number, minutes: number): void {
    this.waitedBySlot[p]! += minutes;
  }

  left(p: number, _how: ExitKind, completed: boolean): void {
    const now = this.run.sim.now;
    const { patients: pt, warmupEnd, end } = this.run;
    if (pt.counted[p] === 0 || now < warmupEnd || now > end || pt.arrivedAt[p]! < warmupEnd) return;
    const c = this.cases;
    if (c.count === c.serial.length) this.cases = grow(c, pt.attributeCount);
    const k = this.cases.count++;
    const into = this.cases;
    into.serial[k] = pt.serialOf[p]!;
    into.klass[k] = pt.klass[p]!;
    into.pathway[k] = pt.pathwayOf[p]!;
    const n = pt.attributeCount;
    for (let a = 0; a < n; a++) into.attrs[k * n + a] = pt.attrs[p * n + a]!;
    into.stay[k] = now - pt.arrivedAt[p]!;
    into.waited[k] = this.waitedBySlot[p]!;
    into.completed[k] = completed ? 1 : 0;
  }

  private startSlot(p: number): void {
    if (p >= this.waitedBySlot.length) {
      const grown = new Float64Array(Math.max(p + 1, this.waitedBySlot.length * 2));
      grown.set(this.waitedBySlot);
      this.waitedBySlot = grown;
    }
    this.waitedBySlot[p] = 0;
  }
}

function emptyCases(size: number, attributeCount: number): FinishedCases {
  return {
    count: 0,
    serial: new Int32Array(size),
    klass: new Int32Array(size),
    pathway: new Int32Array(size),
    attrs: new Int32Array(size * Math.max(1, attributeCount)),
    stay: new Float64Array(size),
    waited: new Float64Array(size),
    completed: new Uint8Array(size),
  };
}

function grow(c: FinishedCases, attributeCount: number): FinishedCases {
  const g = emptyCases(c.serial.length * 2, attributeCount);
  g.count = c.count;
  g.serial.set(c.serial);
  g.klass.set(c.klass);
  g.pathway.set(c.pathway);
  g.attrs.set(c.attrs);
  g.stay.set(c.stay);
  g.waited.set(c.waited);
  g.completed.set(c.completed);
  return g;
}
