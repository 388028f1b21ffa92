/**
 * seize: ask for a set of resources (all at once), or for one of several
 * (`oneOf`); wait in line by priority if they are not free, give up after
 * `maxWait`, or be turned away when the line is full.
 */
import { endBoarding, startBoarding } from './boarding.js';
import { ListBumps } from './bump.js';
import { PRIORITY } from '../priorities.js';
import { REFUSED } from '../resources/claim-book.js';
import type { Resource } from '../resources/resource.js';
import { minutesUntilCapacityDrop, type Roster } from '../resources/roster.js';
import { nextStep, WAIT, type Run, type StepRunner, type Verb } from './verb.js';

export interface SeizeStep {
  op: 'seize';
  /** Figure name for waits at this step. */
  figure: string;
  resources: number[];
  oneOf: boolean;
  /**
   * One unit of whichever resource of the list frees first, preferring them in
   * list order when several are free (a ward bed, else an outlying bed in
   * another ward). Absent: as `oneOf` says.
   */
  pooled?: true;
  /** Fixed priority, or by attribute value index; null: the patient's class priority. */
  priority: number | { attribute: number; byValue: number[]; otherwise: number } | null;
  maxWait: number;
  onTimeout: 'leftUnseen' | 'cancelled';
  boarding: boolean;
  /** For rooms that cancel overrunning cases: expected minutes of the case that follows. */
  expectedMinutes: number;
  /** The same by the patient's value of an attribute (a procedure's own mean); -1 or absent: `expectedMinutes`. */
  expectedMinutesByValue?: { attribute: number; minutes: number[] };
}

/**
 * A wait for all the given resources as long as it takes, at the class's
 * priority: the seize a verb builds for its own waits (a transport, a shared
 * device, a destination's bed), whose waits are figures like any other.
 */
export function plainSeize(figure: string, resources: number[]): SeizeStep {
  return {
    op: 'seize',
    figure,
    resources,
    oneOf: false,
    priority: null,
    maxWait: Infinity,
    onTimeout: 'leftUnseen',
    boarding: false,
    expectedMinutes: 0,
  };
}

class SeizeRunner implements StepRunner<SeizeStep> {
  private readonly sets: Resource[][][];
  private readonly oneOfSets: (readonly Resource[])[][][];
  private readonly electiveOneOfSets: (readonly Resource[])[][][];
  /** One options object for every seize (the book reads it and keeps nothing): no garbage per request. */
  private readonly options: { onGrant: number; priority: number };
  /** The same for pooled steps (one unit of any resource of the list). */
  private readonly pooledOptions: { onGrant: number; priority: number; anyOf: true };
  private readonly renegeKind: number;
  /** Priority of each class's patients (a step with no priority of its own takes its class's). */
  private readonly classPriority: readonly number[];
  /** Per resource: the roster of a room that cancels cases which would overrun its session; null for none. */
  private readonly cancellingRoster: readonly (Roster | null)[];
  /** Emergencies against theatre lists (rooms with a `bumpedElective` rule). */
  private readonly bumps: ListBumps;

  constructor(private readonly r: Run) {
    const { model } = r;
    this.classPriority = model.classes.map((c) => c.priority);
    this.cancellingRoster = model.resources.map((x) => (x.overrun === 'cancel' && x.roster ? { ...x.roster, offset: model.startMinuteOfWeek } : null));
    // Per resource: kept for emergencies in a oneOf choice.
    const emergencyOnly = model.resources.map((x) => x.emergencyOnly === true);
    const seizes = (p: { steps: readonly { op: string }[] }) => p.steps.map((s) => (s.op === 'seize' ? (s as SeizeStep) : null));
    this.sets = r.pathways.map((p) => seizes(p).map((s) => (s ? s.resources.map((i) => r.resources[i]!) : [])));
    this.oneOfSets = r.pathways.map((p) => seizes(p).map((s) => (s ? s.resources.map((i) => r.resources[i]!.asSet) : [])));
    // Emergency-only rooms are kept for patients of priority above 0; others choose among the rest.
    this.electiveOneOfSets = this.oneOfSets.map((steps) =>
      steps.map((options) => {
        const open = options.filter((o) => !emergencyOnly[o[0]!.id]);
        return open.length > 0 ? open : options;
      }),
    );
    this.options = { onGrant: r.sim.register('granted', this.onGranted, this), priority: 0 };
    this.pooledOptions = { onGrant: this.options.onGrant, priority: 0, anyOf: true };
    this.renegeKind = r.sim.register('renege', this.onRenege, this);
    this.bumps = new ListBumps(r);
  }

  run(p: number, s: SeizeStep, i: number): number {
    return this.seize(p, s, i, this.r.sim.now) ? i + 1 : WAIT;
  }

  /** A placed patient joins the line having waited since `since`. */
  resume(p: number, s: SeizeStep, i: number, since: number): number {
    return this.seize(p, s, i, since) ? i + 1 : WAIT;
  }

  /** Returns true if the patient may go on now; false if it waits (or left). It asked at `since` (now, unless placed). */
  private seize(p: number, s: SeizeStep, i: number, since: number): boolean {
    const { r } = this;
    const pt = r.patients;
    const pw = pt.pathwayOf[p]!;
    let set: readonly Resource[] = this.sets[pw]![i]!;
    const priority =
      s.priority === null
        ? ownOr(pt.ownPriority[p]!, this.classPriority[pt.klass[p]!]!)
        : typeof s.priority === 'number'
          ? s.priority
          : (s.priority.byValue[pt.attribute(p, s.priority.attribute)] ?? s.priority.otherwise);
    if (s.oneOf) set = chooseOne(priority > 0 ? this.oneOfSets[pw]![i]! : this.electiveOneOfSets[pw]![i]!);
    r.observe.requested(p, set[0]!.id);
    const options = s.pooled === true ? this.pooledOptions : this.options;
    options.priority = priority;
    const claim = r.book.seize(p, set, options);
    if (claim === REFUSED) {
      r.observe.turnedAway(p);
      r.exit(p, 'turnedAway', false);
      return false;
    }
    r.holdings.madeFor(claim, p);
    const now = r.sim.now;
    if (since !== now) r.book.backdate(claim, since);
    if (r.book.isHeld(claim)) {
      r.observe.waited(p, pw, i, now - since);
      return this.took(p, claim, s);
    }
    pt.waitingClaim[p] = claim;
    startBoarding(pt, p, s.boarding, since);
    if (s.maxWait < Infinity) pt.renegeTimer[p] = r.sim.scheduleCancellable(Math.max(0, s.maxWait - (now - since)), this.renegeKind, p, 0, PRIORITY.DEFAULT);
    return false;
  }

  /** The claim is granted: record it, or cancel a case that would overrun its session. */
  private took(p: number, claim: number, s: SeizeStep): boolean {
    const { r } = this;
    const set = r.book.resourcesOf(claim);
    r.holdings.grantedAt[claim] = r.sim.now;
    for (let k = 0; k < set.length; k++) {
      const roster = this.cancellingRoster[set[k]!.id];
      if (roster && this.expectedMinutes(p, s) > minutesUntilCapacityDrop(roster, r.sim.now)) {
        r.book.release(claim);
        r.cancel(p);
        return false;
      }
    }
    r.holdings.took(p, claim);
    r.ed.took(p, set);
    for (let k = 0; k < set.length; k++) r.observe.seized(p, set[k]!.id);
    if (this.bumps.any) this.bumps.granted(claim, r.book.priorityOf(claim), set);
    return true;
  }

  /** Expected minutes of the case about to start: the patient's own procedure's mean when it depends on one. */
  private expectedMinutes(p: number, s: SeizeStep): number {
    const by = s.expectedMinutesByValue;
    if (by === undefined) return s.expectedMinutes;
    const v = this.r.patients.attribute(p, by.attribute);
    const m = v >= 0 ? by.minutes[v]! : -1;
    return m >= 0 ? m : s.expectedMinutes;
  }

  private onGranted(p: number, claim: number): void {
    const { r } = this;
    const pt = r.patients;
    pt.waitingClaim[p] = -1;
    if (pt.renegeTimer[p]! >= 0) {
      r.sim.cancel(pt.renegeTimer[p]!);
      pt.renegeTimer[p] = -1;
    }
    endBoarding(pt, r.observe, p);
    const i = pt.step[p]!;
    const s = r.pathways[pt.pathwayOf[p]!]!.steps[i]! as SeizeStep;
    r.observe.waited(p, pt.pathwayOf[p]!, i, r.sim.now - r.book.requestedAt(claim));
    if (this.took(p, claim, s)) r.proceed(p, i + 1);
  }

  private onRenege(p: number): void {
    const { r } = this;
    const pt = r.patients;
    const claim = pt.waitingClaim[p]!;
    if (claim < 0 || !r.book.renege(claim)) return;
    pt.waitingClaim[p] = -1;
    pt.renegeTimer[p] = -1;
    const i = pt.step[p]!;
    const s = r.pathways[pt.pathwayOf[p]!]!.steps[i]! as SeizeStep;
    r.observe.waited(p, pt.pathwayOf[p]!, i, r.sim.now - r.book.requestedAt(claim));
    endBoarding(pt, r.observe, p);
    if (s.onTimeout === 'leftUnseen') {
      r.observe.leftUnseen(p);
      r.exit(p, 'leftUnseen', false);
    } else {
      r.cancel(p);
    }
  }
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

export const seize: Verb<SeizeStep> = {
  op: 'seize',
  create: (run) => new SeizeRunner(run),
  // Granted at once, or after a wait: the patient goes on at the next step either way.
  next: nextStep,
  standing: { kind: 'wait', waitsFor: (s) => s.resources, names: (s) => [s.figure] },
  // A oneOf (or pooled) seize takes one of its list, which a path drawn ahead cannot tell: it may be any.
  heldAfter: (s, held) => [...held, ...s.resources.filter((r) => !held.includes(r))],
};

/** A clinic patient's own priority where it has one (not NaN), else the class's. */
function ownOr(own: number, fallback: number): number {
  return own === own ? own : fallback;
}
