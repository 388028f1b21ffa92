/**
 * The pathway interpreter: one replication of a `HospitalModel`. A patient is
 * a slot in a few typed columns plus its position in its pathway; `advance`
 * executes steps until one has to wait (for a resource, a hold, stock). A slot
 * is given back when its patient leaves and reused by the next arrival, so the
 * columns stay as long as the most patients ever in at once (hundreds), not the
 * year's arrivals (tens of thousands). Patients are still numbered by arrival
 * (their serial) in the trace and the cost ledger.
 *
 * The interpreter is a class, its event handlers methods registered with the
 * replication as their target: every replication then runs the same functions,
 * and V8 keeps their optimised code from one replication to the next. As
 * closures made afresh in each replication they were optimised again and again
 * in worker threads (about a fifth of a worker's time went to compiling), on
 * the cores the other workers needed.
 */
import { ClaimBook, REFUSED } from '../resources/claim-book.js';
import type { Resource } from '../resources/resource.js';
import { followRoster, minutesUntilCapacityDrop, type Roster } from '../resources/roster.js';
import { PRIORITY } from '../priorities.js';
import type { Distribution } from '../random/distribution.js';
import { sharedCategorical, sharedDistribution } from '../random/distributions/index.js';
import type { RandomStream } from '../random/stream.js';
import { Simulation } from '../simulation.js';
import { Tally } from '../stats/tally.js';
import type { TraceRecorder } from '../trace.js';
import { startArrivals, type ArrivalSink } from './arrivals.js';
import { CostLedger, costTypeIndex, NONE } from './cost-ledger.js';
import { durationSampler, type DurationSampler } from './duration-samplers.js';
import { collectFigures, type HospitalRunState } from './figures.js';
import type { HospitalModel, ResourceModel, StepModel } from './model.js';
import type { HospitalRunOptions, HospitalRunResult } from './run-options.js';
import { placePatients, type InitialState, type PlacementTarget } from './initial-state.js';
import { StockItem } from './stock.js';

type SeizeStep = Extract<StepModel, { op: 'seize' }>;

const COST_TYPE_OF_KIND: Record<ResourceModel['kind'], number> = {
  staff: costTypeIndex('staff'),
  room: costTypeIndex('roomsAndDevices'),
  device: costTypeIndex('roomsAndDevices'),
  pool: costTypeIndex('roomsAndDevices'),
  ward: costTypeIndex('beds'),
};
const PENALTY = costTypeIndex('penalties');
const CONSUMABLE = costTypeIndex('consumables');

/** The words a hospital trace records, by the name the replication uses for each. */
const TRACE_WORDS = {
  arrive: 'arrive',
  request: 'request',
  seize: 'seize',
  release: 'release',
  start: 'start',
  finish: 'finish',
  leave: 'leave',
  leftUnseen: 'left-unseen',
  cancelled: 'cancelled',
  turnedAway: 'turned-away',
  stockout: 'stock-out',
  breakdown: 'breakdown',
  repair: 'repair',
} as const;

/** The trace word for a patient placed in the model before time 0 (in place of "arrive"). */
export const TRACE_PLACED = 'placed';

export class HospitalReplication implements ArrivalSink, PlacementTarget {
  private readonly sim: Simulation;
  private readonly trace: TraceRecorder | null;
  /** "#<replication>", appended to every stream name so replications are independent. */
  private readonly rep: string;
  private readonly book: ClaimBook;
  private readonly warmupEnd: number;
  private readonly end: number;
  private readonly departments: string[];
  private readonly ledger: CostLedger;

  // --- resources ---
  private readonly resources: Resource[];
  private readonly resourceDept: number[];
  private readonly turnover: (Distribution | null)[];
  private readonly turnoverRng: (RandomStream | null)[];
  private readonly scheduledCapacity: number[];
  /** Rosters of rooms that cancel cases which would overrun their session. */
  private readonly cancellingRosters: (Roster | null)[];
  /** Rooms being cleaned, by key claim * 4096 + resource id: when cleaning began. */
  private readonly inTurnover = new Map<number, number>();
  private readonly broken: boolean[];

  // --- trace names ---
  private readonly codes: Record<keyof typeof TRACE_WORDS, number>;
  private readonly resourcePlace: number[];
  private readonly classPlace: number[];
  private readonly activityPlaces = new Map<string, number>();
  private readonly attributeCodes: number[];
  /** The trace word of placed patients, coded when the first is placed (a run without any numbers its words as before). */
  private placedCode = -1;

  // --- compiled steps ---
  private readonly nAttr: number;
  private readonly attributeSamplers: Distribution[][];
  private readonly durationSamplers: (DurationSampler | null)[][];
  private readonly routingRngs: (RandomStream | null)[][];
  private readonly waitTallies = new Map<string, Tally>();
  private readonly seizeTally: (Tally | null)[][];
  private readonly seizeSets: Resource[][][];
  private readonly oneOfSets: (readonly Resource[])[][][];
  private readonly electiveOneOfSets: (readonly Resource[])[][][];
  /** One options object for every seize (the book reads it and keeps nothing): no garbage per request. */
  private readonly seizeOptions: { onGrant: number; priority: number };

  // --- stock ---
  private readonly items: StockItem[] = [];

  // --- patients, by slot: typed columns grown by doubling, so writing a time allocates nothing ---
  /** The patient's number by arrival (0, 1, 2, …): its id in the trace and the ledger; -1 for a free slot. */
  private serialOf = new Int32Array(0);
  private readonly freeSlots: number[] = [];
  private slotsUsed = 0;
  private klass = new Int32Array(0);
  private pathwayOf = new Int32Array(0);
  private step = new Int32Array(0);
  private arrivedAt = new Float64Array(0);
  /** Attribute value indices, nAttr per slot; -1 for none. */
  private attrs = new Int32Array(0);
  /** Claims each patient holds, in the order taken; the arrays are kept and reused with the slot. */
  private readonly held: number[][] = [];
  private waitingClaim = new Int32Array(0);
  /** Event handles are doubles (slot · 2³² + sequence). */
  private renegeTimer = new Float64Array(0);
  private boardingSince = new Float64Array(0);
  private waitingQuantity = new Float64Array(0);
  /** 1 while an ED patient is still in the ED: until admitted to a ward of another department, or gone. */
  private inEd = new Uint8Array(0);
  /** 1 if the patient's length of stay and ED time count: arrived after warm-up (or placed, when there is none). */
  private counted = new Uint8Array(0);
  // By claim id (the book reuses ids, so these stay as long as the most claims ever open at once).
  private claimGrantedAt = new Float64Array(0);
  /** The serial and pathway of the patient a claim was made for: a room in turnover outlives its patient's slot. */
  private claimOwner = new Int32Array(0);
  private claimPathway = new Int32Array(0);
  private readonly classDept: number[];
  private readonly admitsFromEd: boolean[];
  private patientCount = 0;
  private readonly attributeRngs: RandomStream[];
  private readonly state: HospitalRunState;
  private readonly maxInSystem: number;
  private inSystem = 0;

  // --- event kinds ---
  private readonly deliveryKind: number;
  private readonly holdEndKind: number;
  private readonly grantedKind: number;
  private readonly renegeKind: number;
  private readonly turnoverEndKind: number;
  private snapshotKind = -1;
  private started = false;
  private snapshotEvery = 0;
  private readonly snapshotsTaken: number[] = [];

  constructor(
    readonly model: HospitalModel,
    private readonly options: HospitalRunOptions,
  ) {
    const sim = new Simulation(options.trace ? { seed: options.seed, trace: options.trace } : { seed: options.seed });
    this.sim = sim;
    this.trace = sim.trace;
    const rep = `#${options.replication}`;
    this.rep = rep;
    this.book = new ClaimBook(sim);
    this.warmupEnd = model.warmup;
    this.end = model.warmup + model.horizon;
    this.departments = [...new Set([...model.resources.map((r) => r.department), ...model.classes.map((c) => c.department)])];
    this.ledger = new CostLedger(
      model.pathways.map((p) => p.name),
      this.departments,
      model.resources.map((r) => r.name),
    );

    // --- resources ---
    this.resources = model.resources.map((r) =>
      this.book.add({ name: r.name, capacity: r.roster ? 0 : r.capacity, ...(r.queueCapacity !== undefined ? { queueCapacity: r.queueCapacity } : {}) }),
    );
    this.resourceDept = model.resources.map((r) => this.departmentOf(r.department));
    this.turnover = model.resources.map((r) => (r.turnover ? sharedDistribution(r.turnover) : null));
    this.turnoverRng = model.resources.map((r) => (r.turnover ? sim.stream(`turnover:${r.name}${rep}`) : null));
    this.scheduledCapacity = model.resources.map((r) => r.capacity);
    this.cancellingRosters = model.resources.map((r) => (r.overrun === 'cancel' && r.roster ? { ...r.roster, offset: model.startMinuteOfWeek } : null));
    this.broken = model.resources.map(() => false);

    // --- trace names (before anything can be traced) ---
    const trace = this.trace;
    // In this order, so every trace numbers its words alike.
    this.codes = Object.fromEntries(Object.entries(TRACE_WORDS).map(([key, word]) => [key, trace?.code(word) ?? 0])) as Record<keyof typeof TRACE_WORDS, number>;
    this.resourcePlace = trace ? model.resources.map((r) => trace.place(r.name)) : [];
    this.classPlace = trace ? model.classes.map((c) => trace.place(c.name)) : [];
    this.attributeCodes = trace ? model.attributes.map((a) => trace.code(`attr:${a.name}`)) : [];

    // Rosters and breakdowns start now: their first events are scheduled in model order.
    model.resources.forEach((r, i) => {
      const roster = r.roster ? { ...r.roster, offset: model.startMinuteOfWeek } : undefined;
      if (roster) {
        followRoster(sim, this.book, this.resources[i]!, roster, (c) => {
          this.scheduledCapacity[i] = c;
          this.applyCapacity(i);
        });
      }
      if (r.breakdowns) this.startBreakdowns(r, i);
    });

    // --- compiled steps ---
    this.nAttr = model.attributes.length;
    this.attributeSamplers = model.classes.map((c) => c.attributes.map((a) => sharedCategorical(a.weights)));
    /*
     * Each source of randomness has its own stream, named by what it is (the
     * pathway and activity, the k-th branch of a pathway, a class's attributes),
     * so that changing one part of a scenario leaves the others' numbers alone:
     * that is what makes common random numbers work between scenarios.
     */
    this.durationSamplers = model.pathways.map((p) => {
      const seen = new Map<string, number>();
      return p.steps.map((s) => (s.op === 'hold' ? durationSampler(s.duration, sim.stream(`hold:${occurrenceName(p.name, s.activity, seen)}${rep}`)) : null));
    });
    this.routingRngs = model.pathways.map((p) => {
      const seen = new Map<string, number>();
      return p.steps.map((s) => (s.op === 'branch' ? sim.stream(`routing:${occurrenceName(p.name, 'branch', seen)}${rep}`) : null));
    });
    this.seizeTally = model.pathways.map((p) =>
      p.steps.map((s) => {
        if (s.op !== 'seize') return null;
        let t = this.waitTallies.get(s.figure);
        if (!t) {
          t = new Tally({ keepValues: true });
          this.waitTallies.set(s.figure, t);
        }
        return t;
      }),
    );
    this.seizeSets = model.pathways.map((p) => p.steps.map((s) => (s.op === 'seize' ? s.resources.map((i) => this.resources[i]!) : [])));
    this.oneOfSets = model.pathways.map((p) => p.steps.map((s) => (s.op === 'seize' ? s.resources.map((i) => this.resources[i]!.asSet) : [])));
    this.electiveOneOfSets = this.oneOfSets.map((steps) =>
      steps.map((options) => {
        const open = options.filter((o) => !model.resources[o[0]!.id]!.emergencyOnly);
        return open.length > 0 ? open : options;
      }),
    );

    // --- stock ---
    this.deliveryKind = sim.register('delivery', this.onDelivery, this);
    model.items.forEach((it, i) => this.items.push(new StockItem(i, it, sim, sim.stream(`leadtime:${it.name}${rep}`), this.deliveryKind)));
    model.items.forEach((it, i) => {
      if (it.policy.type !== 'periodic') return;
      const every = it.policy.every;
      const review = sim.register(`review:${it.name}`, () => {
        this.items[i]!.review();
        sim.schedule(every, review, 0, 0, PRIORITY.DEFAULT);
      });
      sim.schedule(0, review, 0, 0, PRIORITY.DEFAULT);
    });

    // --- patients ---
    this.classDept = model.classes.map((c) => this.departmentOf(c.department));
    this.admitsFromEd = model.resources.map((r) => r.kind === 'ward');
    this.attributeRngs = model.classes.map((c) => sim.stream(`attributes:${c.name}${rep}`));
    this.holdEndKind = sim.register('hold-end', this.onHoldEnd, this);
    this.grantedKind = sim.register('granted', this.onGranted, this);
    this.renegeKind = sim.register('renege', this.onRenege, this);
    this.turnoverEndKind = sim.register('turnover-end', this.onTurnoverEnd, this);
    this.seizeOptions = { onGrant: this.grantedKind, priority: 0 };

    this.state = {
      model,
      book: this.book,
      resources: this.resources,
      items: this.items,
      ledger: this.ledger,
      waitTallies: this.waitTallies,
      los: model.classes.map(() => new Tally({ keepValues: true })),
      arrivals: model.classes.map(() => 0),
      departures: model.classes.map(() => 0),
      edDepartures: model.classes.map(() => 0),
      within4h: model.classes.map(() => 0),
      edTime: new Tally({ keepValues: true }),
      leftUnseen: model.classes.map(() => 0),
      cancelled: model.classes.map(() => 0),
      turnedAway: model.classes.map(() => 0),
      boardingMinutes: 0,
      turnaround: model.resources.map(() => new Tally()),
    };
    this.maxInSystem = options.maxPatientsInSystem ?? 1_000_000;
  }

  /** Puts patients into the model before time 0 (see `placePatients`). Only before `start`. */
  setState(state: InitialState): void {
    if (this.started) throw new Error('setState: the replication has already started');
    placePatients(this, state);
  }

  /** Starts the arrival processes: after `setState`, before `run`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const { sim, model, rep } = this;
    model.classes.forEach((cls, i) => {
      // Busy and quiet days draw from a stream of their own: turning them on shifts no other stream.
      const dayRng = cls.arrivals.type === 'weekly' && cls.arrivals.dayToDayCv !== undefined ? sim.stream(`arrivals-days:${cls.name}${rep}`) : null;
      startArrivals(sim, cls, i, model.startMinuteOfWeek, sim.stream(`arrivals:${cls.name}${rep}`), this, dayRng);
    });
  }

  run(): HospitalRunResult {
    this.start();
    const { sim, book, items, options } = this;
    let snapshots: { every: number; inSystem: number[] } | undefined;
    if (options.snapshotEvery !== undefined && options.snapshotEvery > 0) {
      this.snapshotEvery = options.snapshotEvery;
      snapshots = { every: this.snapshotEvery, inSystem: this.snapshotsTaken };
      // After everything else at the same minute, so a snapshot sees the state that minute ends in.
      this.snapshotKind = sim.register('snapshot', this.onSnapshot, this);
      sim.schedule(0, this.snapshotKind, 0, 0, PRIORITY.SNAPSHOT);
    }
    if (this.warmupEnd > 0) {
      sim.run(this.warmupEnd);
      book.resetStats(sim.now);
      for (const it of items) it.resetStats(sim.now);
    }
    sim.run(this.end);
    this.chargeWhatIsStillHeld();
    const figures = collectFigures(this.state, this.end, (name) => this.departmentOf(name));
    return { figures, ledger: this.ledger, events: sim.eventsProcessed, patients: this.patientCount, ...(snapshots ? { snapshots } : {}) };
  }

  // --- event handlers (registered with this replication as their target) ---

  private onHoldEnd(p: number): void {
    const s = this.model.pathways[this.pathwayOf[p]!]!.steps[this.step[p]!]!;
    if (this.trace && s.op === 'hold') this.trace.record(this.sim.now, this.serialOf[p]!, this.codes.finish, this.activityPlace(s.activity));
    this.step[p]!++;
    this.advance(p);
  }

  private onGranted(p: number, claim: number): void {
    this.waitingClaim[p] = -1;
    if (this.renegeTimer[p]! >= 0) {
      this.sim.cancel(this.renegeTimer[p]!);
      this.renegeTimer[p] = -1;
    }
    this.endBoarding(p);
    const i = this.step[p]!;
    const s = this.model.pathways[this.pathwayOf[p]!]!.steps[i]! as SeizeStep;
    if (this.measuring()) this.seizeTally[this.pathwayOf[p]!]![i]!.add(this.sim.now - this.book.requestedAt(claim));
    if (this.took(p, claim, s)) {
      this.step[p] = i + 1;
      this.advance(p);
    }
  }

  private onRenege(p: number): void {
    const claim = this.waitingClaim[p]!;
    if (claim < 0 || !this.book.renege(claim)) return;
    this.waitingClaim[p] = -1;
    this.renegeTimer[p] = -1;
    const s = this.model.pathways[this.pathwayOf[p]!]!.steps[this.step[p]!]! as SeizeStep;
    if (this.measuring()) this.seizeTally[this.pathwayOf[p]!]![this.step[p]!]!.add(this.sim.now - this.book.requestedAt(claim));
    this.endBoarding(p);
    if (s.onTimeout === 'leftUnseen') {
      if (this.measuring()) this.state.leftUnseen[this.klass[p]!]!++;
      this.chargePenalty(p, this.model.penalties.leftUnseen);
      this.exit(p, this.codes.leftUnseen, false);
    } else {
      this.cancel(p);
    }
  }

  private onTurnoverEnd(claim: number, r: number): void {
    const since = this.inTurnover.get(claim * 4096 + r)!;
    this.inTurnover.delete(claim * 4096 + r);
    this.chargeUse(claim, this.resources[r]!, since);
    this.book.releaseOne(claim, this.resources[r]!);
  }

  private onDelivery(item: number, quantity: number): void {
    const served = this.items[item]!.deliver(quantity);
    for (let k = 0; k < served.length; k++) {
      const p = served[k]!;
      this.chargeConsumable(p, item, this.waitingQuantity[p]!);
      this.step[p]!++;
      this.advance(p);
    }
  }

  private onSnapshot(): void {
    this.snapshotsTaken.push(this.inSystem);
    if (this.sim.now + this.snapshotEvery <= this.end) this.sim.schedule(this.snapshotEvery, this.snapshotKind, 0, 0, PRIORITY.SNAPSHOT);
  }

  // --- patients ---

  /** A slot for a new patient of class `c`, its columns set for the pathway's first step. */
  private newPatient(c: number, arrivedAt: number): number {
    const cls = this.model.classes[c]!;
    if (++this.inSystem > this.maxInSystem) {
      throw new Error(
        `more than ${this.maxInSystem} patients in the hospital at once at minute ${Math.round(this.sim.now)}: a resource is probably never available or far too small`,
      );
    }
    if (this.freeSlots.length === 0 && this.slotsUsed === this.serialOf.length) this.growSlots();
    const p = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.slotsUsed++;
    this.serialOf[p] = this.patientCount++;
    this.klass[p] = c;
    this.pathwayOf[p] = cls.pathway;
    this.step[p] = 0;
    this.arrivedAt[p] = arrivedAt;
    if (this.held[p] === undefined) this.held[p] = [];
    else this.held[p]!.length = 0;
    this.waitingClaim[p] = -1;
    this.renegeTimer[p] = -1;
    this.boardingSince[p] = -1;
    this.inEd[p] = cls.emergencyDepartment ? 1 : 0;
    this.counted[p] = arrivedAt >= this.warmupEnd ? 1 : 0;
    const nAttr = this.nAttr;
    for (let a = 0; a < nAttr; a++) this.attrs[p * nAttr + a] = -1;
    return p;
  }

  /** Draws the attributes of the class that the patient has none of yet. */
  private sampleAttributes(p: number, c: number): void {
    const cls = this.model.classes[c]!;
    const nAttr = this.nAttr;
    const samplers = this.attributeSamplers[c]!;
    for (let k = 0; k < cls.attributes.length; k++) this.attrs[p * nAttr + cls.attributes[k]!.attribute] = samplers[k]!.sample(this.attributeRngs[c]!);
  }

  /** Records the patient's attributes in the trace as "attr:<name>" at the value's name, for event-log export. */
  private traceAttributes(p: number): void {
    const trace = this.trace!;
    const nAttr = this.nAttr;
    for (let a = 0; a < nAttr; a++) {
      const v = this.attrs[p * nAttr + a]!;
      if (v >= 0) trace.record(this.sim.now, this.serialOf[p]!, this.attributeCodes[a]!, trace.place(String(this.model.attributes[a]!.values[v])));
    }
  }

  placePatient(c: number, attributes: readonly number[] | undefined, arrivedAt: number, step: number): number {
    const p = this.newPatient(c, arrivedAt);
    // Placed before time 0: their stays count when nothing is thrown away as warm-up.
    this.counted[p] = this.warmupEnd <= 0 ? 1 : 0;
    this.step[p] = step;
    const cls = this.model.classes[c]!;
    if (attributes === undefined) this.sampleAttributes(p, c);
    else attributes.forEach((v, k) => (this.attrs[p * this.nAttr + cls.attributes[k]!.attribute] = v));
    if (this.trace) {
      if (this.placedCode < 0) this.placedCode = this.trace.code(TRACE_PLACED);
      this.trace.record(this.sim.now, this.serialOf[p]!, this.placedCode, this.classPlace[c]!);
      this.traceAttributes(p);
    }
    return p;
  }

  placeHolding(p: number, r: number): void {
    const resource = this.resources[r]!;
    const claim = this.book.place(p, resource, this.grantedKind, this.sim.now);
    this.roomForClaim(claim);
    this.claimOwner[claim] = this.serialOf[p]!;
    this.claimPathway[claim] = this.pathwayOf[p]!;
    this.claimGrantedAt[claim] = this.sim.now;
    this.held[p]!.push(claim);
    // Already in a ward of another department: admitted before time 0, out of the ED.
    if (this.admitsFromEd[r] && this.resourceDept[r] !== this.classDept[this.klass[p]!]) this.inEd[p] = 0;
    if (this.trace) this.trace.record(this.sim.now, this.serialOf[p]!, this.codes.seize, this.resourcePlace[r]!);
  }

  startPlaced(p: number, since: number): void {
    const i = this.step[p]!;
    const s = this.model.pathways[this.pathwayOf[p]!]!.steps[i]!;
    if (s.op === 'hold') {
      const d = this.durationSamplers[this.pathwayOf[p]!]![i]!.remaining(this.attrs, this.nAttr, p, this.sim.now - since);
      if (this.trace) this.trace.record(this.sim.now, this.serialOf[p]!, this.codes.start, this.activityPlace(s.activity));
      this.sim.schedule(d, this.holdEndKind, p, 0, PRIORITY.RELEASE);
      return;
    }
    if (s.op === 'seize') {
      if (!this.seize(p, s, i, since)) return;
      this.step[p] = i + 1;
    }
    this.advance(p);
  }

  arrive(c: number, entry: number): void {
    const { model, sim, trace, nAttr } = this;
    const cls = model.classes[c]!;
    const p = this.newPatient(c, sim.now);
    const attrs = this.attrs;
    this.sampleAttributes(p, c);
    if (entry >= 0 && cls.arrivals.type === 'list') {
      cls.arrivals.entries[entry]!.attributes.forEach((v, a) => {
        if (v >= 0) attrs[p * nAttr + a] = v;
      });
    }
    if (this.measuring()) this.state.arrivals[c]!++;
    if (trace) {
      trace.record(sim.now, this.serialOf[p]!, this.codes.arrive, this.classPlace[c]!);
      this.traceAttributes(p);
    }
    this.advance(p);
  }

  /** Runs the patient's steps until one must wait. */
  private advance(p: number): void {
    const steps = this.model.pathways[this.pathwayOf[p]!]!.steps;
    for (;;) {
      const i = this.step[p]!;
      if (i >= steps.length) {
        this.exit(p, this.codes.leave, true);
        return;
      }
      const s = steps[i]!;
      switch (s.op) {
        case 'seize':
          if (!this.seize(p, s, i, this.sim.now)) return;
          this.step[p] = i + 1;
          break;
        case 'hold': {
          const d = this.durationSamplers[this.pathwayOf[p]!]![i]!.sample(this.attrs, this.nAttr, p);
          if (this.trace) this.trace.record(this.sim.now, this.serialOf[p]!, this.codes.start, this.activityPlace(s.activity));
          this.sim.schedule(d, this.holdEndKind, p, 0, PRIORITY.RELEASE);
          return;
        }
        case 'release':
          this.release(p, s.resources);
          this.step[p] = i + 1;
          break;
        case 'consume': {
          const item = this.items[s.item]!;
          if (item.take(s.quantity)) {
            this.chargeConsumable(p, s.item, s.quantity);
            this.step[p] = i + 1;
            break;
          }
          if (this.trace) this.trace.record(this.sim.now, this.serialOf[p]!, this.codes.stockout, this.activityPlace(item.model.name));
          if (item.model.onStockOut === 'wait') {
            this.waitingQuantity[p] = s.quantity;
            item.wait(p, s.quantity);
            return;
          }
          this.cancel(p);
          return;
        }
        case 'branch': {
          let u = this.routingRngs[this.pathwayOf[p]!]![i]!.next();
          let target = i + 1;
          for (let k = 0; k < s.probabilities.length; k++) {
            u -= s.probabilities[k]!;
            if (u < 0) {
              target = s.targets[k]!;
              break;
            }
          }
          this.step[p] = target;
          break;
        }
        case 'branchOn': {
          const v = this.attrs[p * this.nAttr + s.attribute]!;
          this.step[p] = v >= 0 && s.targetByValue[v]! >= 0 ? s.targetByValue[v]! : s.otherwise;
          break;
        }
        case 'goto':
          this.step[p] = s.target;
          break;
        case 'leave':
          this.exit(p, this.codes.leave, true);
          return;
      }
    }
  }

  /** Returns true if the patient may go on now; false if it waits (or left). It asked at `since` (now, unless placed). */
  private seize(p: number, s: SeizeStep, i: number, since: number): boolean {
    const pw = this.pathwayOf[p]!;
    let set: readonly Resource[] = this.seizeSets[pw]![i]!;
    const priority =
      s.priority === null
        ? this.model.classes[this.klass[p]!]!.priority
        : typeof s.priority === 'number'
          ? s.priority
          : (s.priority.byValue[this.attrs[p * this.nAttr + s.priority.attribute]!] ?? s.priority.otherwise);
    // Emergency-only rooms are kept for patients of priority above 0; others choose among the rest.
    if (s.oneOf) set = this.chooseOne(priority > 0 ? this.oneOfSets[pw]![i]! : this.electiveOneOfSets[pw]![i]!);
    if (this.trace) this.trace.record(this.sim.now, this.serialOf[p]!, this.codes.request, this.resourcePlace[set[0]!.id]!);
    this.seizeOptions.priority = priority;
    const claim = this.book.seize(p, set, this.seizeOptions);
    if (claim === REFUSED) {
      if (this.measuring()) this.state.turnedAway[this.klass[p]!]!++;
      this.exit(p, this.codes.turnedAway, false);
      return false;
    }
    this.roomForClaim(claim);
    this.claimOwner[claim] = this.serialOf[p]!;
    this.claimPathway[claim] = pw;
    const now = this.sim.now;
    if (since !== now) this.book.backdate(claim, since);
    if (this.book.isHeld(claim)) {
      if (this.measuring()) this.seizeTally[pw]![i]!.add(now - since);
      return this.took(p, claim, s);
    }
    this.waitingClaim[p] = claim;
    if (s.boarding && this.held[p]!.length > 0) this.boardingSince[p] = since;
    if (s.maxWait < Infinity) this.renegeTimer[p] = this.sim.schedule(Math.max(0, s.maxWait - (now - since)), this.renegeKind, p, 0, PRIORITY.DEFAULT);
    return false;
  }

  /** The claim is granted: record it, or cancel a case that would overrun its session. */
  private took(p: number, claim: number, s: SeizeStep): boolean {
    this.claimGrantedAt[claim] = this.sim.now;
    const set = this.book.resourcesOf(claim);
    for (let k = 0; k < set.length; k++) {
      const roster = this.cancellingRosters[set[k]!.id];
      if (roster && this.expectedMinutes(p, s) > minutesUntilCapacityDrop(roster, this.sim.now)) {
        this.book.release(claim);
        this.cancel(p);
        return false;
      }
    }
    this.held[p]!.push(claim);
    if (this.inEd[p] === 1) {
      for (let k = 0; k < set.length; k++) {
        const r = set[k]!;
        if (this.admitsFromEd[r.id] && this.resourceDept[r.id] !== this.classDept[this.klass[p]!]) {
          this.leaveEd(p);
          break;
        }
      }
    }
    if (this.trace) for (let k = 0; k < set.length; k++) this.trace.record(this.sim.now, this.serialOf[p]!, this.codes.seize, this.resourcePlace[set[k]!.id]!);
    return true;
  }

  /** Expected minutes of the case about to start: the patient's own procedure's mean when it depends on one. */
  private expectedMinutes(p: number, s: SeizeStep): number {
    const by = s.expectedMinutesByValue;
    if (by === undefined) return s.expectedMinutes;
    const v = this.attrs[p * this.nAttr + by.attribute]!;
    const m = v >= 0 ? by.minutes[v]! : -1;
    return m >= 0 ? m : s.expectedMinutes;
  }

  /** The first free option, else the shortest line among those on duty (a closed room's line only moves when it opens). */
  private chooseOne(options: readonly (readonly Resource[])[]): readonly Resource[] {
    let best = options[0]!;
    for (let k = 0; k < options.length; k++) {
      const o = options[k]!;
      const r = o[0]!;
      if (r.free > 0 && r.waiting.length === 0) return o;
      const b = best[0]!;
      const open = r.capacity > 0;
      const bestOpen = b.capacity > 0;
      if ((open && !bestOpen) || (open === bestOpen && r.waiting.length < b.waiting.length)) best = o;
    }
    return best;
  }

  private release(p: number, which: number[] | 'all'): void {
    const claims = this.held[p]!;
    for (let c = claims.length - 1; c >= 0; c--) {
      const claim = claims[c]!;
      const set = this.book.resourcesOf(claim);
      for (let k = 0; k < set.length; k++) {
        const r = set[k]!;
        if (which !== 'all' && !which.includes(r.id)) continue;
        if (!this.book.holds(claim, r) || this.inTurnover.has(claim * 4096 + r.id)) continue;
        const t = this.turnover[r.id];
        if (t) {
          // The room stays busy for cleaning, charged to this case; the patient moves on.
          this.chargeUse(claim, r, this.claimGrantedAt[claim]!);
          this.inTurnover.set(claim * 4096 + r.id, this.sim.now);
          this.sim.schedule(t.sample(this.turnoverRng[r.id]!), this.turnoverEndKind, claim, r.id, PRIORITY.RELEASE);
        } else {
          this.releaseResourceNow(claim, r);
        }
        if (this.trace) this.trace.record(this.sim.now, this.serialOf[p]!, this.codes.release, this.resourcePlace[r.id]!);
      }
      if (!this.stillHolds(claim, set)) removeAt(claims, c);
    }
  }

  /** Whether the claim still holds some resource of its set that is not being cleaned. */
  private stillHolds(claim: number, set: readonly Resource[]): boolean {
    for (let k = 0; k < set.length; k++) if (this.book.holds(claim, set[k]!) && !this.inTurnover.has(claim * 4096 + set[k]!.id)) return true;
    return false;
  }

  private releaseResourceNow(claim: number, r: Resource): void {
    this.chargeUse(claim, r, this.claimGrantedAt[claim]!);
    this.book.releaseOne(claim, r);
  }

  /** Books the busy time of `r` under `claim` from `since` (or from the end of warm-up) to now, to the claim's patient. */
  private chargeUse(claim: number, r: Resource, since: number): void {
    const from = Math.max(since, this.warmupEnd);
    const minutes = Math.min(this.sim.now, this.end) - from;
    if (minutes <= 0) return;
    const m = this.model.resources[r.id]!;
    this.ledger.charge(this.claimOwner[claim]!, this.claimPathway[claim]!, this.resourceDept[r.id]!, r.id, COST_TYPE_OF_KIND[m.kind], (minutes / 60) * m.costPerBusyHour);
    if (m.kind === 'device' && since === this.claimGrantedAt[claim] && this.measuring() && this.sim.now <= this.end) {
      this.state.turnaround[r.id]!.add(this.sim.now - this.book.requestedAt(claim));
    }
  }

  private chargeConsumable(p: number, item: number, quantity: number): void {
    if (!this.measuring()) return;
    const cls = this.model.classes[this.klass[p]!]!;
    this.ledger.charge(this.serialOf[p]!, this.pathwayOf[p]!, this.departmentOf(cls.department), NONE, CONSUMABLE, quantity * this.model.items[item]!.unitCost);
  }

  private chargePenalty(p: number, amount: number): void {
    if (!this.measuring()) return;
    this.ledger.charge(this.serialOf[p]!, this.pathwayOf[p]!, this.departmentOf(this.model.classes[this.klass[p]!]!.department), NONE, PENALTY, amount);
  }

  private endBoarding(p: number): void {
    if (this.boardingSince[p]! < 0) return;
    const minutes = this.sim.now - Math.max(this.boardingSince[p]!, this.warmupEnd);
    this.boardingSince[p] = -1;
    if (minutes <= 0) return;
    this.state.boardingMinutes += minutes;
    this.chargePenalty(p, (minutes / 60) * this.model.penalties.boardingHour);
  }

  private cancel(p: number): void {
    if (this.measuring()) this.state.cancelled[this.klass[p]!]!++;
    this.chargePenalty(p, this.model.penalties.cancelledCase);
    this.exit(p, this.codes.cancelled, false);
  }

  /**
   * The ED patient's time in the ED ends (the 4-hour clock stops): admitted to
   * a ward of another department, or discharged. Counted for arrivals after warm-up.
   */
  private leaveEd(p: number): void {
    this.inEd[p] = 0;
    if (!this.measuring() || this.counted[p] === 0) return;
    const c = this.klass[p]!;
    const minutes = this.sim.now - this.arrivedAt[p]!;
    this.state.edDepartures[c]!++;
    this.state.edTime.add(minutes);
    if (minutes <= 240) this.state.within4h[c]!++;
  }

  /** The patient leaves: everything held is given back, and the slot is free for the next arrival. */
  private exit(p: number, code: number, completed: boolean): void {
    this.inSystem--;
    this.release(p, 'all');
    if (this.trace) this.trace.record(this.sim.now, this.serialOf[p]!, code, this.classPlace[this.klass[p]!]!);
    if (this.inEd[p] === 1) {
      // Left unseen, cancelled or turned away: out of the ED, but not a completed ED stay.
      if (completed) this.leaveEd(p);
      else this.inEd[p] = 0;
    }
    if (this.measuring() && this.counted[p] === 1 && completed) {
      const c = this.klass[p]!;
      this.state.departures[c]!++;
      this.state.los[c]!.add(this.sim.now - this.arrivedAt[p]!);
    }
    this.serialOf[p] = -1;
    this.freeSlots.push(p);
  }

  // --- helpers ---

  private measuring(): boolean {
    return this.sim.now >= this.warmupEnd;
  }

  private departmentOf(name: string): number {
    return this.departments.indexOf(name);
  }

  private activityPlace(name: string): number {
    let p = this.activityPlaces.get(name);
    if (p === undefined && this.trace) {
      p = this.trace.place(name);
      this.activityPlaces.set(name, p);
    }
    return p ?? 0;
  }

  /** A failure takes one unit out of service (one of two scanners), not the whole device. */
  private applyCapacity(i: number): void {
    const scheduled = this.scheduledCapacity[i]!;
    this.book.setCapacity(this.resources[i]!, this.broken[i] ? Math.max(0, scheduled - 1) : scheduled);
  }

  private startBreakdowns(r: ResourceModel, i: number): void {
    const { sim } = this;
    const tbf = sharedDistribution(r.breakdowns!.timeBetweenFailures);
    const ttr = sharedDistribution(r.breakdowns!.timeToRepair);
    const rng = sim.stream(`breakdowns:${r.name}${this.rep}`);
    const kind = sim.register(`breakdown:${r.name}`, (_e, down) => {
      this.broken[i] = down === 1;
      this.applyCapacity(i);
      if (this.trace) this.trace.record(sim.now, -1, down === 1 ? this.codes.breakdown : this.codes.repair, this.resourcePlace[i]!);
      sim.schedule((down === 1 ? ttr : tbf).sample(rng), kind, 0, down === 1 ? 0 : 1, PRIORITY.CAPACITY);
    });
    sim.schedule(tbf.sample(rng), kind, 0, 1, PRIORITY.CAPACITY);
  }

  private growSlots(): void {
    const n = Math.max(256, 2 * this.serialOf.length);
    this.serialOf = resized(this.serialOf, n);
    this.klass = resized(this.klass, n);
    this.pathwayOf = resized(this.pathwayOf, n);
    this.step = resized(this.step, n);
    this.arrivedAt = resized(this.arrivedAt, n);
    this.attrs = resized(this.attrs, n * this.nAttr);
    this.waitingClaim = resized(this.waitingClaim, n);
    this.renegeTimer = resized(this.renegeTimer, n);
    this.boardingSince = resized(this.boardingSince, n);
    this.waitingQuantity = resized(this.waitingQuantity, n);
    this.inEd = resized(this.inEd, n);
    this.counted = resized(this.counted, n);
  }

  private roomForClaim(claim: number): void {
    if (claim < this.claimOwner.length) return;
    let n = Math.max(256, 2 * this.claimOwner.length);
    while (n <= claim) n *= 2;
    this.claimGrantedAt = resized(this.claimGrantedAt, n);
    this.claimOwner = resized(this.claimOwner, n);
    this.claimPathway = resized(this.claimPathway, n);
  }

  /**
   * Claims still held at the end are charged up to the end, so costs match the
   * time-weighted areas; patients in order of arrival, so that the sums are
   * added in the same order whatever slots they had.
   */
  private chargeWhatIsStillHeld(): void {
    const stillIn: number[] = [];
    for (let p = 0; p < this.slotsUsed; p++) if (this.serialOf[p]! >= 0) stillIn.push(p);
    stillIn.sort((a, b) => this.serialOf[a]! - this.serialOf[b]!);
    for (const p of stillIn) {
      for (const claim of this.held[p]!) {
        for (const r of this.book.resourcesOf(claim)) {
          if (this.book.holds(claim, r) && !this.inTurnover.has(claim * 4096 + r.id)) this.chargeUse(claim, r, this.claimGrantedAt[claim]!);
        }
      }
    }
    for (const [key, since] of this.inTurnover) {
      const claim = Math.floor(key / 4096);
      this.chargeUse(claim, this.resources[key % 4096]!, since);
    }
  }
}

/** The stream name of the n-th step of a kind in a pathway: "<pathway>/<label>", then "#2", "#3" for repeats. */
function occurrenceName(pathway: string, label: string, seen: Map<string, number>): string {
  const k = (seen.get(label) ?? 0) + 1;
  seen.set(label, k);
  return `${pathway}/${label}${k > 1 ? `#${k}` : ''}`;
}

/** Removes `list[i]`, keeping the order, without the array `splice` would allocate for what it removed. */
function removeAt(list: number[], i: number): void {
  for (let k = i + 1; k < list.length; k++) list[k - 1] = list[k]!;
  list.length--;
}

/** A copy of `a`, `length` long (longer: zeros after). */
function resized<A extends Float64Array | Int32Array | Uint8Array>(a: A, length: number): A {
  const b = new (a.constructor as new (n: number) => A)(length);
  b.set(a);
  return b;
}
