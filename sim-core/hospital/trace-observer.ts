/**
 * Writes the run's events into the trace in the words of trace-words.ts. Codes
 * words and places in a fixed order when built (the words, then resources,
 * then classes, then attributes), so every trace of a model numbers them alike.
 */
import type { TraceRecorder } from '../trace.js';
import type { ObserverContext } from './observer.js';
import { BRANCH_END_WORDS, EXIT_KINDS, TRACE_ATTRIBUTE_PREFIX, TRACE_PLACED, TRACE_WORDS, type ExitKind, type TraceWordKey } from './trace-words.js';

export class TraceObserver {
  private readonly codes: Record<TraceWordKey, number>;
  private readonly resourcePlace: number[];
  private readonly classPlace: number[];
  private readonly attributeCodes: number[];
  private readonly activityPlaces = new Map<string, number>();
  /** Coded when the first patient is placed: a run without any numbers its words as before. */
  private placedCode = -1;
  /** The same for a branch's end, by exit kind: coded when the first branch ends other than at its join. */
  private readonly branchEndCodes: Record<ExitKind, number> = Object.fromEntries(EXIT_KINDS.map((k) => [k, -1])) as Record<ExitKind, number>;

  constructor(
    private readonly run: ObserverContext,
    private readonly trace: TraceRecorder,
  ) {
    const model = run.model;
    this.codes = Object.fromEntries(Object.entries(TRACE_WORDS).map(([key, word]) => [key, trace.code(word)])) as Record<TraceWordKey, number>;
    this.resourcePlace = model.resources.map((r) => trace.place(r.name));
    this.classPlace = model.classes.map((c) => trace.place(c.name));
    this.attributeCodes = model.attributes.map((a) => trace.code(`${TRACE_ATTRIBUTE_PREFIX}${a.name}`));
  }

  arrived(p: number, c: number): void {
    this.trace.record(this.run.sim.now, this.run.patients.serialOf[p]!, this.codes.arrive, this.classPlace[c]!);
    this.recordAttributes(p);
  }

  placed(p: number, c: number): void {
    if (this.placedCode < 0) this.placedCode = this.trace.code(TRACE_PLACED);
    this.trace.record(this.run.sim.now, this.run.patients.serialOf[p]!, this.placedCode, this.classPlace[c]!);
    this.recordAttributes(p);
  }

  requested(p: number, first: number): void {
    this.trace.record(this.run.sim.now, this.run.patients.serialOf[p]!, this.codes.request, this.resourcePlace[first]!);
  }

  seized(p: number, r: number): void {
    this.trace.record(this.run.sim.now, this.run.patients.serialOf[p]!, this.codes.seize, this.resourcePlace[r]!);
  }

  released(p: number, r: number): void {
    this.trace.record(this.run.sim.now, this.run.patients.serialOf[p]!, this.codes.release, this.resourcePlace[r]!);
  }

  started(p: number, activity: string): void {
    this.trace.record(this.run.sim.now, this.run.patients.serialOf[p]!, this.codes.start, this.activityPlace(activity));
  }

  finished(p: number, activity: string): void {
    this.trace.record(this.run.sim.now, this.run.patients.serialOf[p]!, this.codes.finish, this.activityPlace(activity));
  }

  stockOut(p: number, item: number): void {
    this.trace.record(this.run.sim.now, this.run.patients.serialOf[p]!, this.codes.stockout, this.activityPlace(this.run.model.items[item]!.name));
  }

  left(p: number, how: ExitKind, _completed: boolean): void {
    this.trace.record(this.run.sim.now, this.run.patients.serialOf[p]!, this.codes[how], this.classPlace[this.run.patients.klass[p]!]!);
  }

  branchEnded(p: number, how: ExitKind): void {
    if (this.branchEndCodes[how] < 0) this.branchEndCodes[how] = this.trace.code(BRANCH_END_WORDS[how]);
    this.trace.record(this.run.sim.now, this.run.patients.serialOf[p]!, this.branchEndCodes[how], this.classPlace[this.run.patients.klass[p]!]!);
  }

  turnoverEnded(serial: number, r: number): void {
    this.trace.record(this.run.sim.now, serial, this.codes.turnoverEnd, this.resourcePlace[r]!);
  }

  brokeDown(r: number, down: boolean): void {
    this.trace.record(this.run.sim.now, -1, down ? this.codes.breakdown : this.codes.repair, this.resourcePlace[r]!);
  }

  /** Attributes go into the trace as "attr:<name>" at the value's name, for event-log export. */
  private recordAttributes(p: number): void {
    const { trace } = this;
    const { patients } = this.run;
    const n = patients.attributeCount;
    for (let a = 0; a < n; a++) {
      const v = patients.attrs[p * n + a]!;
      if (v >= 0) trace.record(this.run.sim.now, patients.serialOf[p]!, this.attributeCodes[a]!, trace.place(String(this.run.model.attributes[a]!.values[v])));
    }
  }

  private activityPlace(name: string): number {
    let place = this.activityPlaces.get(name);
    if (place === undefined) {
      place = this.trace.place(name);
      this.activityPlaces.set(name, place);
    }
    return place;
  }
}
