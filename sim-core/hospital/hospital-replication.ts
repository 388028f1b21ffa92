/**
 * The pathway interpreter: one replication of a `HospitalModel`, in three
 * steps: build it (the constructor), set its state (`setState`: patients
 * already in the hospital), start it (`start`: the arrival processes), then
 * `run`. A patient is a slot in the PatientTable plus its position in its
 * pathway; `advance` runs its steps, each through its verb's runner (the
 * table in ../verbs/index.ts), until one has to wait. What the run's events
 * cost and count, the trace and snapshots are observers' business
 * (observer.ts, built from the table in observer-table.ts); rosters and
 * breakdowns are capacity.ts's, room turnover holdings.ts's, stock
 * stock-room.ts's, the ED clock ed-clock.ts's.
 *
 * The interpreter is a class, its handlers methods registered with the
 * replication as their target: every replication then runs the same
 * functions, and V8 keeps their optimised code from one replication to the
 * next (as closures made afresh per replication they were optimised again and
 * again in worker threads, on the cores the other workers needed).
 */
import { sharedCategorical } from '../random/distributions/index.js';
import type { Distribution } from '../random/distribution.js';
import type { RandomStream } from '../random/stream.js';
import { ClaimBook } from '../resources/claim-book.js';
import type { Resource } from '../resources/resource.js';
import { Simulation } from '../simulation.js';
import { abandonBranch, isBranch, placeBranch, stepVerb, VERBS, type Run, type StepModel, type StepRunner } from '../verbs/index.js';
import { arrivalKind, clinicOf, type ArrivalHost, type ClinicVisit } from './arrivals/index.js';
import { Capacity } from './capacity.js';
import type { CostLedger } from './cost-ledger.js';
import { ledgerFor } from './cost-observer.js';
import { EdClock } from './ed-clock.js';
import { Holdings } from './holdings.js';
import { placePatients, type InitialState, type PlacementTarget } from './initial-state.js';
import type { HospitalModel } from './model.js';
import type { ObserverContext, RunFindings } from './observer.js';
import { buildObservers } from './observer-table.js';
import { Observers } from './observers.js';
import { UseLog } from './use-log.js';
import { PatientTable } from './patients.js';
import { RESOURCE_KINDS, UNLIMITED_UNITS } from './resource-kinds.js';
import type { HospitalRunOptions, HospitalRunResult } from './run-options.js';
import { StockRoom } from './stock-room.js';
import type { ExitKind } from './trace-words.js';

export class HospitalReplication implements ArrivalHost, PlacementTarget, Run, ObserverContext {
  readonly sim: Simulation;
  readonly book: ClaimBook;
  readonly resources: Resource[];
  readonly patients: PatientTable;
  readonly observe: Observers;
  readonly ledger: CostLedger;
  readonly uses: UseLog;
  readonly holdings: Holdings;
  readonly ed: EdClock;
  readonly stock: StockRoom;
  readonly pathways: HospitalModel['pathways'];
  /** "#<replication>", appended to every stream name so replications are independent. */
  private readonly rep: string;
  readonly warmupEnd: number;
  readonly end: number;
  /** Each pathway's steps' runners, parallel to its steps. */
  private readonly runners: StepRunner<StepModel>[][];
  /**
   * The same runners' `run` methods, called as `run.call(runner, …)`: loading
   * `run` from runners of eight classes at one place would be a megamorphic
   * property load on every step; an array of functions is not.
   */
  private readonly runs: StepRunner<StepModel>['run'][][];
  private readonly attributeSamplers: Distribution[][];
  private readonly attributeRngs: RandomStream[][];
  private readonly maxInSystem: number;
  private readonly capacity: Capacity;
  private inSystem = 0;
  private started = false;

  constructor(
    readonly model: HospitalModel,
    options: HospitalRunOptions,
  ) {
    const sim = new Simulation(options.trace ? { seed: options.seed, trace: options.trace } : { seed: options.seed });
    this.sim = sim;
    const rep = `#${options.replication}`;
    this.rep = rep;
    this.book = new ClaimBook(sim);
    this.warmupEnd = model.warmup;
    this.end = model.warmup + model.horizon;
    this.pathways = model.pathways;
    this.patients = new PatientTable(model.attributes.length);

    // --- resources, observers ---
    this.resources = model.resources.map((r) =>
      this.book.add({
        name: r.name,
        capacity: RESOURCE_KINDS[r.kind].unlimited ? UNLIMITED_UNITS : r.roster ? 0 : r.capacity,
        ...(r.queueCapacity !== undefined ? { queueCapacity: r.queueCapacity } : {}),
      }),
    );
    this.ledger = ledgerFor(model);
    this.uses = new UseLog(sim);
    // The observers read the stock room only at the close: it is built below, after the rosters.
    this.observe = new Observers(buildObservers(this, options), this.uses);

    // --- what the verbs share ---
    this.holdings = new Holdings(sim, this.book, this.resources, this.patients, this.observe, this.uses, model.resources, rep);
    const departments = this.ledger.departmentNames;
    const resourceDept = model.resources.map((r) => departments.indexOf(r.department));
    const classDept = model.classes.map((c) => departments.indexOf(c.department));
    const admitsFromEd = model.resources.map((r) => RESOURCE_KINDS[r.kind].admitsFromEd);
    this.ed = new EdClock(sim, this.patients, this.observe, admitsFromEd, resourceDept, classDept);

    // Rosters and breakdowns start now, their first events scheduled in model order; then stock reviews.
    this.capacity = new Capacity(sim, this.book, this.resources, this.observe, model, rep);
    this.stock = new StockRoom(sim, model.items, rep);

    // --- patients and their steps ---
    this.attributeSamplers = model.classes.map((c) => c.attributes.map((a) => sharedCategorical(a.weights)));
    // Each attribute draws from a stream of its own, so that giving a class another attribute (a
    // case-mix group) leaves the draws of the others alone; the first keeps the class's stream.
    this.attributeRngs = model.classes.map((c) =>
      c.attributes.map((a, k) => sim.stream(k === 0 ? `attributes:${c.name}${rep}` : `attributes:${c.name}/${model.attributes[a.attribute]!.name}${rep}`)),
    );
    const built = new Map<string, StepRunner<StepModel>>();
    const runnerOf = (op: StepModel['op']): StepRunner<StepModel> => {
      let runner = built.get(op);
      if (!runner) {
        runner = (VERBS[op] as { create(run: Run): StepRunner<StepModel> }).create(this);
        built.set(op, runner);
      }
      return runner;
    };
    this.runners = model.pathways.map((p) => p.steps.map((s) => runnerOf(s.op)));
    this.runs = this.runners.map((steps) => steps.map((r) => r.run));
    this.maxInSystem = options.maxPatientsInSystem ?? 1_000_000;
  }

  /** Puts patients into the model before time 0 (see initial-state.ts). Only before `start`. */
  setState(state: InitialState): void {
    if (this.started) throw new Error('setState: the replication has already started');
    placePatients(this, state);
  }

  /** Starts the arrival processes: after `setState`, before `run`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const { model } = this;
    model.classes.forEach((cls, i) => arrivalKind(cls.arrivals).start(this, cls, i, model.startMinuteOfWeek));
  }

  run(): HospitalRunResult {
    this.start();
    const { sim, book } = this;
    this.observe.start();
    if (this.warmupEnd > 0) {
      sim.run(this.warmupEnd);
      book.resetStats(sim.now);
      for (const it of this.stock.items) it.resetStats(sim.now);
    }
    sim.run(this.end);
    // What is still held at the end is used up to now: the observers hear it, then put their findings.
    this.holdings.chargeWhatIsStillHeld();
    const findings: RunFindings = { figures: {} };
    this.observe.close(findings);
    return {
      figures: findings.figures,
      ledger: this.ledger,
      events: sim.eventsProcessed,
      patients: this.patients.count,
      ...(findings.snapshots ? { snapshots: findings.snapshots } : {}),
    };
  }

  stream(name: string): RandomStream {
    return this.sim.stream(`${name}${this.rep}`);
  }

  // --- patients ---

  arrive(c: number, entry: number): void {
    const cls = this.model.classes[c]!;
    const p = this.newPatient(c, this.sim.now, this.sim.now >= this.warmupEnd);
    this.sampleAttributes(p, c);
    const fixedBy = arrivalKind(cls.arrivals).fixedAttributes;
    if (entry >= 0 && fixedBy) {
      const n = this.patients.attributeCount;
      const fixed = fixedBy(cls.arrivals, entry);
      fixed.forEach((v, a) => {
        if (v >= 0) this.patients.attrs[p * n + a] = v;
      });
      this.follow(p, c, (a) => fixed[a]! >= 0);
    }
    this.observe.arrived(p, c);
    this.advance(p);
  }

  /** A clinic patient: its visit kind and booking as attributes, its appointment, and its place in the queue. */
  arriveForClinic(c: number, visit: ClinicVisit): void {
    const a = clinicOf(this.model.classes[c]!.arrivals);
    if (a === null) return;
    const pt = this.patients;
    const p = this.newPatient(c, this.sim.now, this.sim.now >= this.warmupEnd);
    this.sampleAttributes(p, c);
    const n = pt.attributeCount;
    pt.attrs[p * n + a.visit.attribute] = visit.isNew ? a.visit.new : a.visit.followUp;
    pt.attrs[p * n + a.booking.attribute] = visit.walkIn ? a.booking.walkIn : a.booking.booked;
    pt.ownPriority[p] = this.model.classes[c]!.priority + (visit.walkIn ? a.rank.walkIn : visit.isNew ? a.rank.new : a.rank.followUp);
    pt.due[p] = visit.due;
    pt.clinicSession[p] = visit.session;
    pt.sessionStart[p] = visit.sessionStart;
    pt.clinicSlot[p] = visit.slot;
    this.observe.arrived(p, c);
    this.advance(p);
  }

  lateStart(classIndex: number, session: number, resource: number, minutes: number): void {
    if (minutes > 0) this.capacity.holdBack(resource, minutes);
    this.observe.doctorLate(classIndex, session, minutes);
  }

  placePatient(c: number, attributes: readonly number[] | undefined, arrivedAt: number, step: number, pathway?: number): number {
    // Placed before time 0: their stays count when nothing is thrown away as warm-up.
    const p = this.newPatient(c, arrivedAt, this.warmupEnd <= 0);
    this.patients.step[p] = step;
    if (pathway !== undefined) this.patients.pathwayOf[p] = pathway;
    const cls = this.model.classes[c]!;
    // Attributes not given (all, or those at -1) are drawn as on arrival.
    if (attributes === undefined || attributes.includes(-1)) this.sampleAttributes(p, c);
    attributes?.forEach((v, k) => {
      if (v >= 0) this.patients.attrs[p * this.patients.attributeCount + cls.attributes[k]!.attribute] = v;
    });
    if (attributes !== undefined) this.follow(p, c, (a) => (attributes[cls.attributes.findIndex((x) => x.attribute === a)] ?? -1) >= 0);
    this.observe.placed(p, c);
    return p;
  }

  placeHolding(p: number, r: number): void {
    const claim = this.book.place(p, this.resources[r]!, -1, this.sim.now);
    this.holdings.madeFor(claim, p);
    this.holdings.took(p, claim);
    // Already in a ward of another department: admitted before time 0, out of the ED (not counted).
    if (this.ed.admits(p, r)) this.patients.leaveEd(p);
    this.observe.seized(p, r);
  }

  placeBranch(p: number, step: number): number {
    const split = this.pathways[this.patients.pathwayOf[p]!]!.steps[this.patients.step[p]!]!;
    return placeBranch(this, p, step, stepVerb(split).parallel!(split).after);
  }

  startPlaced(p: number, since: number, heading: number): void {
    const pt = this.patients;
    const pw = pt.pathwayOf[p]!;
    const i = pt.step[p]!;
    const runner = this.runners[pw]![i]!;
    const next = runner.resume ? runner.resume(p, this.pathways[pw]!.steps[i]!, i, since, heading) : runner.run(p, this.pathways[pw]!.steps[i]!, i);
    if (next >= 0) this.proceed(p, next);
  }

  proceed(p: number, next: number): void {
    this.patients.step[p] = next;
    this.advance(p);
  }

  /** Runs the patient's steps until one must wait. */
  private advance(p: number): void {
    const pt = this.patients;
    const pw = pt.pathwayOf[p]!;
    const steps = this.pathways[pw]!.steps;
    const runners = this.runners[pw]!;
    const runs = this.runs[pw]!;
    for (;;) {
      const i = pt.step[p]!;
      if (i >= steps.length) {
        this.exit(p, 'leave', true);
        return;
      }
      const next = runs[i]!.call(runners[i]!, p, steps[i]!, i);
      if (next < 0) return;
      pt.step[p] = next;
    }
  }

  cancel(p: number): void {
    this.observe.cancelled(p);
    this.exit(p, 'cancelled', false);
  }

  /** The patient leaves: everything held is given back, and the slot is free for the next arrival. */
  exit(p: number, how: ExitKind, completed: boolean): void {
    if (isBranch(this, p)) {
      // A branch of a split that could not go on (turned away, cancelled, gave up): the branch ends, not the patient.
      abandonBranch(this, p, how);
      return;
    }
    this.inSystem--;
    this.holdings.release(p, 'all');
    this.observe.left(p, how, completed);
    this.ed.exit(p, completed);
    this.patients.free(p);
  }

  private newPatient(c: number, arrivedAt: number, counted: boolean): number {
    if (++this.inSystem > this.maxInSystem) throw new Error(this.overfullMessage());
    const cls = this.model.classes[c]!;
    return this.patients.take(c, cls.pathway, arrivedAt, cls.emergencyDepartment, counted);
  }

  /**
   * Why a replication holds more patients than it may: blame a resource only when
   * most of them are in its line; otherwise the scenario is simply that large.
   */
  private overfullMessage(): string {
    let longest = this.resources[0];
    for (const r of this.resources) if (longest === undefined || r.waiting.length > longest.waiting.length) longest = r;
    const head = `more than ${this.maxInSystem} patients in the hospital at once at minute ${Math.round(this.sim.now)}`;
    if (longest !== undefined && longest.waiting.length * 2 > this.maxInSystem) {
      return `${head}, ${longest.waiting.length} of them waiting for "${longest.name}" (${longest.capacity} on duty now): it is never available or far too small for the arrivals`;
    }
    return `${head}, most of them not waiting for any resource: the scenario holds more patients at once than one replication may (${this.maxInSystem}); model a smaller population or shorter stays`;
  }

  /** Draws the class's attributes for the patient. */
  private sampleAttributes(p: number, c: number): void {
    const cls = this.model.classes[c]!;
    const n = this.patients.attributeCount;
    const samplers = this.attributeSamplers[c]!;
    const rngs = this.attributeRngs[c]!;
    for (let k = 0; k < cls.attributes.length; k++) {
      const a = cls.attributes[k]!;
      if (a.follows === undefined) this.patients.attrs[p * n + a.attribute] = samplers[k]!.sample(rngs[k]!);
    }
    // Then those that follow another: its value's, else (a value with none given) drawn as the others.
    for (let k = 0; k < cls.attributes.length; k++) {
      const a = cls.attributes[k]!;
      if (a.follows === undefined) continue;
      const v = a.follows.valueOf[this.patients.attrs[p * n + a.follows.attribute]!] ?? -1;
      this.patients.attrs[p * n + a.attribute] = v >= 0 ? v : samplers[k]!.sample(rngs[k]!);
    }
  }

  /** After attributes were given (a list arrival's, a placed patient's): those that follow one given take its value's, unless given themselves. */
  private follow(p: number, c: number, given: (attribute: number) => boolean): void {
    const n = this.patients.attributeCount;
    for (const a of this.model.classes[c]!.attributes) {
      if (a.follows === undefined || given(a.attribute) || !given(a.follows.attribute)) continue;
      const v = a.follows.valueOf[this.patients.attrs[p * n + a.follows.attribute]!] ?? -1;
      if (v >= 0) this.patients.attrs[p * n + a.attribute] = v;
    }
  }
}
