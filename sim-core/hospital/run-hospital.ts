/**
 * The pathway interpreter: runs a `HospitalModel` for one replication. A
 * patient is a slot in a few arrays plus its position in its pathway; `advance`
 * executes steps until one has to wait (for a resource, a hold, stock). A slot
 * is given back when its patient leaves and reused by the next arrival, so the
 * arrays stay as long as the most patients ever in at once (hundreds), not the
 * year's arrivals (tens of thousands): a replication then works in a few
 * kilobytes that stay in cache, which is what lets replications on several
 * cores run side by side without fighting over memory. Patients are still
 * numbered by arrival (their serial) in the trace and the cost ledger.
 */
import { ClaimBook, REFUSED } from '../resources/claim-book.js';
import type { Resource } from '../resources/resource.js';
import { followRoster, minutesUntilCapacityDrop } from '../resources/roster.js';
import { PRIORITY } from '../priorities.js';
import type { Distribution } from '../random/distribution.js';
import { makeDistribution } from '../random/distributions/index.js';
import { categorical } from '../random/distributions/index.js';
import { Simulation } from '../simulation.js';
import type { TraceRecorder } from '../trace.js';
import { startArrivals } from './arrivals.js';
import { CostLedger, costTypeIndex, NONE } from './cost-ledger.js';
import { collectFigures, type HospitalRunState } from './figures.js';
import type { DurationModel, HospitalModel, ResourceModel, StepModel } from './model.js';
import { StockItem } from './stock.js';
import { Tally } from '../stats/tally.js';

export interface HospitalRunOptions {
  seed: number | string;
  /** Replication number: mixed into every stream name so replications are independent. */
  replication: number;
  trace?: TraceRecorder;
  /**
   * A replication with more patients than this in the hospital at once stops
   * with an error: a resource that is never available would otherwise grow its
   * queue until memory runs out. Default 1,000,000.
   */
  maxPatientsInSystem?: number;
  /**
   * Record the number of patients in the hospital every this many minutes from
   * time 0 (warm-up included), for warm-up detection and charts. Off by default.
   */
  snapshotEvery?: number;
}

export interface HospitalRunResult {
  /** Every figure of the run by its stable id. */
  figures: Record<string, number>;
  ledger: CostLedger;
  events: number;
  patients: number;
  /** Patients in the hospital at times 0, snapshotEvery, 2·snapshotEvery, … (when asked for). */
  snapshots?: { every: number; inSystem: number[] };
}

type Sampler = (patient: number) => number;

const COST_TYPE_OF_KIND: Record<ResourceModel['kind'], number> = {
  staff: costTypeIndex('staff'),
  room: costTypeIndex('roomsAndDevices'),
  device: costTypeIndex('roomsAndDevices'),
  pool: costTypeIndex('roomsAndDevices'),
  ward: costTypeIndex('beds'),
};

export function runHospital(model: HospitalModel, options: HospitalRunOptions): HospitalRunResult {
  const sim = new Simulation(options.trace ? { seed: options.seed, trace: options.trace } : { seed: options.seed });
  const rep = `#${options.replication}`;
  const book = new ClaimBook(sim);
  const warmupEnd = model.warmup;
  const end = model.warmup + model.horizon;
  const departments = [...new Set([...model.resources.map((r) => r.department), ...model.classes.map((c) => c.department)])];
  const departmentOf = (name: string): number => departments.indexOf(name);
  const ledger = new CostLedger(
    model.pathways.map((p) => p.name),
    departments,
    model.resources.map((r) => r.name),
  );
  const penaltyType = costTypeIndex('penalties');
  const consumableType = costTypeIndex('consumables');

  // --- resources ---
  const resources: Resource[] = model.resources.map((r) =>
    book.add({ name: r.name, capacity: r.roster ? 0 : r.capacity, ...(r.queueCapacity !== undefined ? { queueCapacity: r.queueCapacity } : {}) }),
  );
  const resourceDept = model.resources.map((r) => departmentOf(r.department));
  const turnover: (Distribution | null)[] = model.resources.map((r) => (r.turnover ? makeDistribution(r.turnover) : null));
  const turnoverRng = model.resources.map((r) => (r.turnover ? sim.stream(`turnover:${r.name}${rep}`) : null));
  const scheduledCapacity = model.resources.map((r) => r.capacity);
  /** Rosters of rooms that cancel cases which would overrun their session. */
  const cancellingRosters = model.resources.map((r) =>
    r.overrun === 'cancel' && r.roster ? { ...r.roster, offset: model.startMinuteOfWeek } : null,
  );
  /** Rooms being cleaned, by key claim * 4096 + resource id: when cleaning began. */
  const inTurnover = new Map<number, number>();
  const broken = model.resources.map(() => false);
  // A failure takes one unit out of service (one of two scanners), not the whole device.
  const applyCapacity = (i: number): void => book.setCapacity(resources[i]!, broken[i] ? Math.max(0, scheduledCapacity[i]! - 1) : scheduledCapacity[i]!);
  model.resources.forEach((r, i) => {
    const roster = r.roster ? { ...r.roster, offset: model.startMinuteOfWeek } : undefined;
    if (roster) {
      followRoster(sim, book, resources[i]!, roster, (c) => {
        scheduledCapacity[i] = c;
        applyCapacity(i);
      });
    }
    if (r.breakdowns) {
      const tbf = makeDistribution(r.breakdowns.timeBetweenFailures);
      const ttr = makeDistribution(r.breakdowns.timeToRepair);
      const rng = sim.stream(`breakdowns:${r.name}${rep}`);
      const kind = sim.register(`breakdown:${r.name}`, (_e, down) => {
        broken[i] = down === 1;
        applyCapacity(i);
        if (trace) trace.record(sim.now, -1, down === 1 ? codes.breakdown : codes.repair, places.resource[i]!);
        sim.schedule((down === 1 ? ttr : tbf).sample(rng), kind, 0, down === 1 ? 0 : 1, PRIORITY.CAPACITY);
      });
      sim.schedule(tbf.sample(rng), kind, 0, 1, PRIORITY.CAPACITY);
    }
  });

  // --- trace names ---
  const trace = sim.trace;
  const codes = {
    arrive: trace?.code('arrive') ?? 0,
    request: trace?.code('request') ?? 0,
    seize: trace?.code('seize') ?? 0,
    release: trace?.code('release') ?? 0,
    start: trace?.code('start') ?? 0,
    finish: trace?.code('finish') ?? 0,
    leave: trace?.code('leave') ?? 0,
    leftUnseen: trace?.code('left-unseen') ?? 0,
    cancelled: trace?.code('cancelled') ?? 0,
    turnedAway: trace?.code('turned-away') ?? 0,
    stockout: trace?.code('stock-out') ?? 0,
    breakdown: trace?.code('breakdown') ?? 0,
    repair: trace?.code('repair') ?? 0,
  };
  const places = {
    resource: trace ? model.resources.map((r) => trace.place(r.name)) : [],
    klass: trace ? model.classes.map((c) => trace.place(c.name)) : [],
    activity: new Map<string, number>(),
  };
  const attributeCodes = trace ? model.attributes.map((a) => trace.code(`attr:${a.name}`)) : [];
  const activityPlace = (name: string): number => {
    let p = places.activity.get(name);
    if (p === undefined && trace) {
      p = trace.place(name);
      places.activity.set(name, p);
    }
    return p ?? 0;
  };

  // --- compiled steps: samplers built once ---
  const nAttr = model.attributes.length;
  const attributeSamplers = model.classes.map((c) => c.attributes.map((a) => categorical(a.weights)));
  /**
   * Each source of randomness has its own stream, named by what it is (the
   * pathway and activity, the k-th branch of a pathway, a class's attributes),
   * so that changing one part of a scenario leaves the others' numbers alone:
   * that is what makes common random numbers work between scenarios.
   */
  const occurrenceName = (pathway: string, label: string, seen: Map<string, number>): string => {
    const k = (seen.get(label) ?? 0) + 1;
    seen.set(label, k);
    return `${pathway}/${label}${k > 1 ? `#${k}` : ''}`;
  };
  const durationSamplers = model.pathways.map((p) => {
    const seen = new Map<string, number>();
    return p.steps.map((s) => (s.op === 'hold' ? buildDuration(s.duration, `hold:${occurrenceName(p.name, s.activity, seen)}`) : null));
  });
  const routingRngs = model.pathways.map((p) => {
    const seen = new Map<string, number>();
    return p.steps.map((s) => (s.op === 'branch' ? sim.stream(`routing:${occurrenceName(p.name, 'branch', seen)}${rep}`) : null));
  });
  function buildDuration(d: DurationModel, name: string): Sampler {
    const rng = sim.stream(`${name}${rep}`);
    if (d.kind === 'fixed') {
      const dist = makeDistribution(d.distribution);
      return () => dist.sample(rng);
    }
    const byValue = d.byValue.map((s) => (s ? makeDistribution(s) : null));
    const otherwise = d.otherwise ? makeDistribution(d.otherwise) : null;
    return (patient) => {
      const v = attrs[patient * nAttr + d.attribute]!;
      const dist = (v >= 0 ? byValue[v] : null) ?? otherwise;
      if (dist === null) throw new Error(`no duration for attribute value index ${v}`);
      return dist.sample(rng);
    };
  }
  const waitTallies = new Map<string, Tally>();
  const seizeTally = model.pathways.map((p) =>
    p.steps.map((s) => {
      if (s.op !== 'seize') return null;
      let t = waitTallies.get(s.figure);
      if (!t) {
        t = new Tally({ keepValues: true });
        waitTallies.set(s.figure, t);
      }
      return t;
    }),
  );
  const seizeSets = model.pathways.map((p) => p.steps.map((s) => (s.op === 'seize' ? s.resources.map((i) => resources[i]!) : [])));
  const oneOfSets = model.pathways.map((p) => p.steps.map((s) => (s.op === 'seize' ? s.resources.map((i) => resources[i]!.asSet) : [])));
  const electiveOneOfSets = oneOfSets.map((steps) =>
    steps.map((options) => {
      const open = options.filter((o) => !model.resources[o[0]!.id]!.emergencyOnly);
      return open.length > 0 ? open : options;
    }),
  );

  // --- stock ---
  const items: StockItem[] = [];
  const delivery = sim.register('delivery', (item, quantity) => {
    const served = items[item]!.deliver(quantity);
    for (let k = 0; k < served.length; k++) {
      const p = served[k]!;
      chargeConsumable(p, item, waitingQuantity[p]!);
      step[p]!++;
      advance(p);
    }
  });
  model.items.forEach((it, i) => items.push(new StockItem(i, it, sim, sim.stream(`leadtime:${it.name}${rep}`), delivery)));
  model.items.forEach((it, i) => {
    if (it.policy.type !== 'periodic') return;
    const every = it.policy.every;
    const review = sim.register(`review:${it.name}`, () => {
      items[i]!.review();
      sim.schedule(every, review, 0, 0, PRIORITY.DEFAULT);
    });
    sim.schedule(0, review, 0, 0, PRIORITY.DEFAULT);
  });

  // --- patients, by slot ---
  /** The patient's number by arrival (0, 1, 2, …): its id in the trace and the ledger. */
  // Typed columns, grown by doubling: numbers in them are stored unboxed, so
  // writing a time allocates nothing.
  let serialOf = new Int32Array(0);
  const freeSlots: number[] = [];
  let slotsUsed = 0;
  let klass = new Int32Array(0);
  let pathwayOf = new Int32Array(0);
  let step = new Int32Array(0);
  let arrivedAt = new Float64Array(0);
  /** Attribute value indices, nAttr per slot; -1 for none. */
  let attrs = new Int32Array(0);
  /** Claims each patient holds, in the order taken; the arrays are kept and reused with the slot. */
  const held: number[][] = [];
  let waitingClaim = new Int32Array(0);
  /** Event handles are doubles (slot · 2³² + sequence). */
  let renegeTimer = new Float64Array(0);
  let boardingSince = new Float64Array(0);
  let waitingQuantity = new Float64Array(0);
  /** 1 while an ED patient is still in the ED: until admitted to a ward of another department, or gone. */
  let inEd = new Uint8Array(0);
  const growSlots = (): void => {
    const n = Math.max(256, 2 * serialOf.length);
    serialOf = resized(serialOf, n);
    klass = resized(klass, n);
    pathwayOf = resized(pathwayOf, n);
    step = resized(step, n);
    arrivedAt = resized(arrivedAt, n);
    attrs = resized(attrs, n * nAttr);
    waitingClaim = resized(waitingClaim, n);
    renegeTimer = resized(renegeTimer, n);
    boardingSince = resized(boardingSince, n);
    waitingQuantity = resized(waitingQuantity, n);
    inEd = resized(inEd, n);
  };
  // By claim id (the book reuses ids, so these stay as long as the most claims ever open at once).
  let claimGrantedAt = new Float64Array(0);
  /** The serial and pathway of the patient a claim was made for: a room in turnover outlives its patient's slot. */
  let claimOwner = new Int32Array(0);
  let claimPathway = new Int32Array(0);
  const roomForClaim = (claim: number): void => {
    if (claim < claimOwner.length) return;
    let n = Math.max(256, 2 * claimOwner.length);
    while (n <= claim) n *= 2;
    claimGrantedAt = resized(claimGrantedAt, n);
    claimOwner = resized(claimOwner, n);
    claimPathway = resized(claimPathway, n);
  };
  const classDept = model.classes.map((c) => departmentOf(c.department));
  const admitsFromEd = model.resources.map((r) => r.kind === 'ward');
  let patientCount = 0;
  const attributeRngs = model.classes.map((c) => sim.stream(`attributes:${c.name}${rep}`));
  const holdEnd = sim.register('hold-end', (p) => {
    const s = model.pathways[pathwayOf[p]!]!.steps[step[p]!]!;
    if (trace && s.op === 'hold') trace.record(sim.now, serialOf[p]!, codes.finish, activityPlace(s.activity));
    step[p]!++;
    advance(p);
  });
  const granted = sim.register('granted', (p, claim) => onGranted(p, claim));
  const reneged = sim.register('renege', (p) => {
    const claim = waitingClaim[p]!;
    if (claim < 0 || !book.renege(claim)) return;
    waitingClaim[p] = -1;
    renegeTimer[p] = -1;
    const s = model.pathways[pathwayOf[p]!]!.steps[step[p]!]! as Extract<StepModel, { op: 'seize' }>;
    if (measuring()) seizeTally[pathwayOf[p]!]![step[p]!]!.add(sim.now - book.requestedAt(claim));
    endBoarding(p);
    if (s.onTimeout === 'leftUnseen') {
      if (measuring()) state.leftUnseen[klass[p]!]!++;
      chargePenalty(p, model.penalties.leftUnseen);
      exit(p, codes.leftUnseen, false);
    } else {
      cancel(p);
    }
  });
  const turnoverEnd = sim.register('turnover-end', (claim, r) => {
    const since = inTurnover.get(claim * 4096 + r)!;
    inTurnover.delete(claim * 4096 + r);
    chargeUse(claim, resources[r]!, since);
    book.releaseOne(claim, resources[r]!);
  });

  const state: HospitalRunState = {
    model,
    book,
    resources,
    items,
    ledger,
    waitTallies,
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
  const measuring = (): boolean => sim.now >= warmupEnd;

  const maxInSystem = options.maxPatientsInSystem ?? 1_000_000;
  let inSystem = 0;
  const arrive = (c: number, entry: number): void => {
    const cls = model.classes[c]!;
    if (++inSystem > maxInSystem) {
      throw new Error(
        `more than ${maxInSystem} patients in the hospital at once at minute ${Math.round(sim.now)}: a resource is probably never available or far too small`,
      );
    }
    if (freeSlots.length === 0 && slotsUsed === serialOf.length) growSlots();
    const p = freeSlots.length > 0 ? freeSlots.pop()! : slotsUsed++;
    serialOf[p] = patientCount++;
    klass[p] = c;
    pathwayOf[p] = cls.pathway;
    step[p] = 0;
    arrivedAt[p] = sim.now;
    if (held[p] === undefined) held[p] = [];
    else held[p]!.length = 0;
    waitingClaim[p] = -1;
    renegeTimer[p] = -1;
    boardingSince[p] = -1;
    inEd[p] = cls.emergencyDepartment ? 1 : 0;
    for (let a = 0; a < nAttr; a++) attrs[p * nAttr + a] = -1;
    const samplers = attributeSamplers[c]!;
    for (let k = 0; k < cls.attributes.length; k++) attrs[p * nAttr + cls.attributes[k]!.attribute] = samplers[k]!.sample(attributeRngs[c]!);
    if (entry >= 0 && cls.arrivals.type === 'list') {
      cls.arrivals.entries[entry]!.attributes.forEach((v, a) => {
        if (v >= 0) attrs[p * nAttr + a] = v;
      });
    }
    if (measuring()) state.arrivals[c]!++;
    if (trace) {
      trace.record(sim.now, serialOf[p]!, codes.arrive, places.klass[c]!);
      // Attributes go into the trace as "attr:<name>" at the value's name, for event-log export.
      for (let a = 0; a < nAttr; a++) {
        const v = attrs[p * nAttr + a]!;
        if (v >= 0) trace.record(sim.now, serialOf[p]!, attributeCodes[a]!, trace.place(String(model.attributes[a]!.values[v])));
      }
    }
    advance(p);
  };
  model.classes.forEach((cls, i) => startArrivals(sim, cls, i, model.startMinuteOfWeek, sim.stream(`arrivals:${cls.name}${rep}`), arrive));

  /** Runs the patient's steps until one must wait. */
  function advance(p: number): void {
    const steps = model.pathways[pathwayOf[p]!]!.steps;
    for (;;) {
      const i = step[p]!;
      if (i >= steps.length) {
        exit(p, codes.leave, true);
        return;
      }
      const s = steps[i]!;
      switch (s.op) {
        case 'seize':
          if (!seize(p, s, i)) return;
          step[p] = i + 1;
          break;
        case 'hold': {
          const d = durationSamplers[pathwayOf[p]!]![i]!(p);
          if (trace) trace.record(sim.now, serialOf[p]!, codes.start, activityPlace(s.activity));
          sim.schedule(d, holdEnd, p, 0, PRIORITY.RELEASE);
          return;
        }
        case 'release':
          release(p, s.resources);
          step[p] = i + 1;
          break;
        case 'consume': {
          const item = items[s.item]!;
          if (item.take(s.quantity)) {
            chargeConsumable(p, s.item, s.quantity);
            step[p] = i + 1;
            break;
          }
          if (trace) trace.record(sim.now, serialOf[p]!, codes.stockout, activityPlace(item.model.name));
          if (item.model.onStockOut === 'wait') {
            waitingQuantity[p] = s.quantity;
            item.wait(p, s.quantity);
            return;
          }
          cancel(p);
          return;
        }
        case 'branch': {
          let u = routingRngs[pathwayOf[p]!]![i]!.next();
          let target = i + 1;
          for (let k = 0; k < s.probabilities.length; k++) {
            u -= s.probabilities[k]!;
            if (u < 0) {
              target = s.targets[k]!;
              break;
            }
          }
          step[p] = target;
          break;
        }
        case 'branchOn': {
          const v = attrs[p * nAttr + s.attribute]!;
          step[p] = v >= 0 && s.targetByValue[v]! >= 0 ? s.targetByValue[v]! : s.otherwise;
          break;
        }
        case 'goto':
          step[p] = s.target;
          break;
        case 'leave':
          exit(p, codes.leave, true);
          return;
      }
    }
  }

  /** One options object for every seize (the book reads it and keeps nothing): no garbage per request. */
  const seizeOptions: { onGrant: number; priority: number } = { onGrant: granted, priority: 0 };

  /** Returns true if the patient may go on now; false if it waits (or left). */
  function seize(p: number, s: Extract<StepModel, { op: 'seize' }>, i: number): boolean {
    const pw = pathwayOf[p]!;
    let set: readonly Resource[] = seizeSets[pw]![i]!;
    const priority =
      s.priority === null
        ? model.classes[klass[p]!]!.priority
        : typeof s.priority === 'number'
          ? s.priority
          : (s.priority.byValue[attrs[p * nAttr + s.priority.attribute]!] ?? s.priority.otherwise);
    // Emergency-only rooms are kept for patients of priority above 0; others choose among the rest.
    if (s.oneOf) set = chooseOne(priority > 0 ? oneOfSets[pw]![i]! : electiveOneOfSets[pw]![i]!);
    if (trace) trace.record(sim.now, serialOf[p]!, codes.request, places.resource[set[0]!.id]!);
    seizeOptions.priority = priority;
    const claim = book.seize(p, set, seizeOptions);
    if (claim === REFUSED) {
      if (measuring()) state.turnedAway[klass[p]!]!++;
      exit(p, codes.turnedAway, false);
      return false;
    }
    roomForClaim(claim);
    claimOwner[claim] = serialOf[p]!;
    claimPathway[claim] = pw;
    if (book.isHeld(claim)) {
      if (measuring()) seizeTally[pw]![i]!.add(0);
      return took(p, claim, s);
    }
    waitingClaim[p] = claim;
    if (s.boarding && held[p]!.length > 0) boardingSince[p] = sim.now;
    if (s.maxWait < Infinity) renegeTimer[p] = sim.schedule(s.maxWait, reneged, p, 0, PRIORITY.DEFAULT);
    return false;
  }

  function onGranted(p: number, claim: number): void {
    waitingClaim[p] = -1;
    if (renegeTimer[p]! >= 0) {
      sim.cancel(renegeTimer[p]!);
      renegeTimer[p] = -1;
    }
    endBoarding(p);
    const i = step[p]!;
    const s = model.pathways[pathwayOf[p]!]!.steps[i]! as Extract<StepModel, { op: 'seize' }>;
    if (measuring()) seizeTally[pathwayOf[p]!]![i]!.add(sim.now - book.requestedAt(claim));
    if (took(p, claim, s)) {
      step[p] = i + 1;
      advance(p);
    }
  }

  /** The claim is granted: record it, or cancel a case that would overrun its session. */
  function took(p: number, claim: number, s: Extract<StepModel, { op: 'seize' }>): boolean {
    claimGrantedAt[claim] = sim.now;
    const set = book.resourcesOf(claim);
    for (let k = 0; k < set.length; k++) {
      const roster = cancellingRosters[set[k]!.id];
      if (roster && expectedMinutes(p, s) > minutesUntilCapacityDrop(roster, sim.now)) {
        book.release(claim);
        cancel(p);
        return false;
      }
    }
    held[p]!.push(claim);
    if (inEd[p] === 1) {
      for (let k = 0; k < set.length; k++) {
        const r = set[k]!;
        if (admitsFromEd[r.id] && resourceDept[r.id] !== classDept[klass[p]!]) {
          leaveEd(p);
          break;
        }
      }
    }
    if (trace) for (let k = 0; k < set.length; k++) trace.record(sim.now, serialOf[p]!, codes.seize, places.resource[set[k]!.id]!);
    return true;
  }

  /** Expected minutes of the case about to start: the patient's own procedure's mean when it depends on one. */
  function expectedMinutes(p: number, s: Extract<StepModel, { op: 'seize' }>): number {
    const by = s.expectedMinutesByValue;
    if (by === undefined) return s.expectedMinutes;
    const v = attrs[p * nAttr + by.attribute]!;
    const m = v >= 0 ? by.minutes[v]! : -1;
    return m >= 0 ? m : s.expectedMinutes;
  }

  /** The first free option, else the shortest line among those on duty (a closed room's line only moves when it opens). */
  function chooseOne(options: readonly (readonly Resource[])[]): readonly Resource[] {
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

  function release(p: number, which: number[] | 'all'): void {
    const claims = held[p]!;
    for (let c = claims.length - 1; c >= 0; c--) {
      const claim = claims[c]!;
      const set = book.resourcesOf(claim);
      for (let k = 0; k < set.length; k++) {
        const r = set[k]!;
        if (which !== 'all' && !which.includes(r.id)) continue;
        if (!book.holds(claim, r) || inTurnover.has(claim * 4096 + r.id)) continue;
        const t = turnover[r.id];
        if (t) {
          // The room stays busy for cleaning, charged to this case; the patient moves on.
          chargeUse(claim, r, claimGrantedAt[claim]!);
          inTurnover.set(claim * 4096 + r.id, sim.now);
          sim.schedule(t.sample(turnoverRng[r.id]!), turnoverEnd, claim, r.id, PRIORITY.RELEASE);
        } else {
          releaseResourceNow(claim, r);
        }
        if (trace) trace.record(sim.now, serialOf[p]!, codes.release, places.resource[r.id]!);
      }
      if (!stillHolds(claim, set)) removeAt(claims, c);
    }
  }

  /** Whether the claim still holds some resource of its set that is not being cleaned. */
  function stillHolds(claim: number, set: readonly Resource[]): boolean {
    for (let k = 0; k < set.length; k++) if (book.holds(claim, set[k]!) && !inTurnover.has(claim * 4096 + set[k]!.id)) return true;
    return false;
  }

  function releaseResourceNow(claim: number, r: Resource): void {
    chargeUse(claim, r, claimGrantedAt[claim]!);
    book.releaseOne(claim, r);
  }

  /** Books the busy time of `r` under `claim` from `since` (or from the end of warm-up) to now, to the claim's patient. */
  function chargeUse(claim: number, r: Resource, since: number): void {
    const from = Math.max(since, warmupEnd);
    const minutes = Math.min(sim.now, end) - from;
    if (minutes <= 0) return;
    const m = model.resources[r.id]!;
    ledger.charge(claimOwner[claim]!, claimPathway[claim]!, resourceDept[r.id]!, r.id, COST_TYPE_OF_KIND[m.kind], (minutes / 60) * m.costPerBusyHour);
    if (m.kind === 'device' && since === claimGrantedAt[claim] && measuring() && sim.now <= end) state.turnaround[r.id]!.add(sim.now - book.requestedAt(claim));
  }

  function chargeConsumable(p: number, item: number, quantity: number): void {
    if (!measuring()) return;
    const cls = model.classes[klass[p]!]!;
    ledger.charge(serialOf[p]!, pathwayOf[p]!, departmentOf(cls.department), NONE, consumableType, quantity * model.items[item]!.unitCost);
  }

  function chargePenalty(p: number, amount: number): void {
    if (!measuring()) return;
    ledger.charge(serialOf[p]!, pathwayOf[p]!, departmentOf(model.classes[klass[p]!]!.department), NONE, penaltyType, amount);
  }

  function endBoarding(p: number): void {
    if (boardingSince[p]! < 0) return;
    const minutes = sim.now - Math.max(boardingSince[p]!, warmupEnd);
    boardingSince[p] = -1;
    if (minutes <= 0) return;
    state.boardingMinutes += minutes;
    chargePenalty(p, (minutes / 60) * model.penalties.boardingHour);
  }

  function cancel(p: number): void {
    if (measuring()) state.cancelled[klass[p]!]!++;
    chargePenalty(p, model.penalties.cancelledCase);
    exit(p, codes.cancelled, false);
  }

  /**
   * The ED patient's time in the ED ends (the 4-hour clock stops): admitted to
   * a ward of another department, or discharged. Counted for arrivals after warm-up.
   */
  function leaveEd(p: number): void {
    inEd[p] = 0;
    if (!measuring() || arrivedAt[p]! < warmupEnd) return;
    const c = klass[p]!;
    const minutes = sim.now - arrivedAt[p]!;
    state.edDepartures[c]!++;
    state.edTime.add(minutes);
    if (minutes <= 240) state.within4h[c]!++;
  }

  /** The patient leaves: everything held is given back. */
  function exit(p: number, code: number, completed: boolean): void {
    inSystem--;
    release(p, 'all');
    if (trace) trace.record(sim.now, serialOf[p]!, code, places.klass[klass[p]!]!);
    if (inEd[p] === 1) {
      // Left unseen, cancelled or turned away: out of the ED, but not a completed ED stay.
      if (completed) leaveEd(p);
      else inEd[p] = 0;
    }
    if (measuring() && arrivedAt[p]! >= warmupEnd && completed) {
      const c = klass[p]!;
      state.departures[c]!++;
      state.los[c]!.add(sim.now - arrivedAt[p]!);
    }
    serialOf[p] = -1;
    freeSlots.push(p);
  }

  // --- run ---
  let snapshots: { every: number; inSystem: number[] } | undefined;
  if (options.snapshotEvery !== undefined && options.snapshotEvery > 0) {
    const every = options.snapshotEvery;
    const taken: number[] = [];
    snapshots = { every, inSystem: taken };
    // After everything else at the same minute, so a snapshot sees the state that minute ends in.
    const snapshot = sim.register('snapshot', () => {
      taken.push(inSystem);
      if (sim.now + every <= end) sim.schedule(every, snapshot, 0, 0, PRIORITY.SNAPSHOT);
    });
    sim.schedule(0, snapshot, 0, 0, PRIORITY.SNAPSHOT);
  }
  if (warmupEnd > 0) {
    sim.run(warmupEnd);
    book.resetStats(sim.now);
    for (const it of items) it.resetStats(sim.now);
  }
  sim.run(end);
  // Claims still held at the end are charged up to the end, so costs match the time-weighted areas;
  // patients in order of arrival, so that the sums are added in the same order whatever slots they had.
  const stillIn: number[] = [];
  for (let p = 0; p < slotsUsed; p++) if (serialOf[p]! >= 0) stillIn.push(p);
  stillIn.sort((a, b) => serialOf[a]! - serialOf[b]!);
  for (const p of stillIn) {
    for (const claim of held[p]!) {
      for (const r of book.resourcesOf(claim)) if (book.holds(claim, r) && !inTurnover.has(claim * 4096 + r.id)) chargeUse(claim, r, claimGrantedAt[claim]!);
    }
  }
  for (const [key, since] of inTurnover) {
    const claim = Math.floor(key / 4096);
    chargeUse(claim, resources[key % 4096]!, since);
  }
  const figures = collectFigures(state, end, departmentOf);
  return { figures, ledger, events: sim.eventsProcessed, patients: patientCount, ...(snapshots ? { snapshots } : {}) };
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
