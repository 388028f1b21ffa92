import { PRIORITY } from '../priorities.js';
import type { Simulation } from '../simulation.js';
import { ClaimRecords, HELD, PREEMPTED, WAITING } from './claim-records.js';
import { Resource, type ResourceOptions } from './resource.js';

/** Returned by `seize` when the claim was turned away (no waiting room left). */
export const REFUSED = -1;

export interface SeizeOptions {
  /** Handler kind run as (entity, claim) when a waiting claim is granted. Not run for an immediate grant. */
  onGrant: number;
  /** Larger is served first; ties are first come, first served. Default 0. */
  priority?: number;
  /** Units wanted of each resource (parallel to the set); default one of each. */
  amounts?: readonly number[];
  /** Handler kind run as (entity, claim) when a preemptive resource takes the claim's units away. */
  onPreempt?: number;
  /**
   * One unit of any one resource of the set, not one of each (a bed in any of
   * several wards): see `seizeAny`.
   */
  anyOf?: boolean;
}

const ONE: readonly number[] = [1];
/** The amounts of an `anyOf` claim: one unit, of whichever resource of its set it gets (told apart by identity). */
const ANY_ONE: readonly number[] = [1];

/**
 * Who holds and who waits for what. A claim is one patient's request for a set
 * of resources, granted all at once (an operation starts only when the room,
 * the surgeon and the anaesthetist are all free). Every queueing rule of the
 * model goes through here, so resources share one mechanism.
 *
 * Service order: waiting claims are considered by priority, then arrival; a
 * claim is granted as soon as every resource in its set has the units free.
 * A claim that cannot be served yet does not block a later one that can
 * (first fit), which is what lets an OR case whose surgeon is free go ahead
 * of one whose surgeon is still operating.
 */
export class ClaimBook extends ClaimRecords {
  readonly resources: Resource[] = [];
  constructor(private readonly sim: Simulation) {
    super();
  }

  add(options: ResourceOptions): Resource {
    const r = new Resource(this.resources.length, options, this.sim.now);
    this.resources.push(r);
    return r;
  }

  /**
   * Asks for a set of resources. Returns the claim id (granted now if
   * `isHeld(claim)`, else waiting until `onGrant` runs), or REFUSED if some
   * resource of the set has no waiting room left.
   */
  seize(entity: number, set: readonly Resource[], options: SeizeOptions): number {
    if (set.length === 1 && options.amounts === undefined) return this.seizeOne(entity, set, options);
    if (options.anyOf === true && set.length > 1) return this.seizeAny(entity, set, options);
    return this.seizeSet(entity, set, options);
  }

  /**
   * One unit of one resource: most claims (a cubicle, a bed, an M/M/c server).
   * The same rules as `seizeSet`, written for the one case so that the hot
   * path is short enough for V8 to inline what it calls.
   */
  private seizeOne(entity: number, set: readonly Resource[], options: SeizeOptions): number {
    const r = set[0]!;
    r.requests++;
    const priority = options.priority ?? 0;
    const claim = this.newClaim(entity, priority, set, ONE, options.onGrant, options.onPreempt ?? -1, this.sim.now);
    if (r.busy < r.capacity) {
      this.grantOne(claim, r);
      return claim;
    }
    if (r.preemptive && this.preemptFor(r, claim)) return claim;
    if (r.waiting.length >= r.queueCapacity) {
      r.refused++;
      this.freeClaim(claim);
      return REFUSED;
    }
    r.waiting.insert(claim, priority);
    r.queueLength.change(this.sim, r.waiting.length);
    this.state[claim] = WAITING;
    return claim;
  }

  /** A set of resources, or units other than one of each, granted all at once. */
  private seizeSet(entity: number, set: readonly Resource[], options: SeizeOptions): number {
    const amounts = options.amounts ?? ONE;
    const priority = options.priority ?? 0;
    const now = this.sim.now;
    let fits = true;
    for (let i = 0; i < set.length; i++) {
      const r = set[i]!;
      r.requests++;
      if (r.free < (amounts.length === 1 ? amounts[0]! : amounts[i]!)) fits = false;
    }
    // No waiting claim fits while units are free (serve() grants every claim
    // that fits after each change), so a newcomer that fits overtakes no one.
    const claim = this.newClaim(entity, priority, set, amounts, options.onGrant, options.onPreempt ?? -1, now);
    if (fits) {
      this.grant(claim);
      return claim;
    }
    if (set.length === 1 && set[0]!.preemptive && this.preemptFor(set[0]!, claim)) {
      return claim;
    }
    for (let i = 0; i < set.length; i++) {
      const r = set[i]!;
      if (r.waiting.length >= r.queueCapacity) {
        for (let j = 0; j < set.length; j++) set[j]!.refused++;
        this.freeClaim(claim);
        return REFUSED;
      }
    }
    for (let i = 0; i < set.length; i++) {
      const r = set[i]!;
      r.waiting.insert(claim, priority);
      r.queueLength.change(this.sim, r.waiting.length);
    }
    this.state[claim] = WAITING;
    return claim;
  }

  /**
   * Asks for one unit of any one resource of `set`, preferring them in order:
   * the first with a unit free now; else the claim waits in the line of every
   * one that has waiting room and takes the first unit freed in any of them
   * (in each line by priority, then arrival, as any claim). Once granted, its
   * set is the one resource it got, so release, `resourcesOf` and `holds` speak
   * of that one. Counted as a request (or a refusal) of the first resource
   * only, so each patient counts once; its wait and grant count where it was
   * served; while waiting it counts in the queue length of each line it is in.
   * Refused only when every line is full. No preemption.
   */
  private seizeAny(entity: number, set: readonly Resource[], options: SeizeOptions): number {
    const now = this.sim.now;
    const first = set[0]!;
    first.requests++;
    for (let i = 0; i < set.length; i++) {
      const r = set[i]!;
      if (r.free >= 1) {
        const claim = this.newClaim(entity, options.priority ?? 0, r.asSet, ANY_ONE, options.onGrant, -1, now);
        this.grant(claim);
        return claim;
      }
    }
    let lines = set;
    for (let i = 0; i < set.length; i++) {
      if (set[i]!.waiting.length >= set[i]!.queueCapacity) {
        lines = set.filter((r) => r.waiting.length < r.queueCapacity);
        break;
      }
    }
    if (lines.length === 0) {
      first.refused++;
      return REFUSED;
    }
    const priority = options.priority ?? 0;
    const claim = this.newClaim(entity, priority, lines, ANY_ONE, options.onGrant, -1, now);
    for (let i = 0; i < lines.length; i++) {
      const r = lines[i]!;
      r.waiting.insert(claim, priority);
      r.queueLength.change(this.sim, r.waiting.length);
    }
    this.state[claim] = WAITING;
    return claim;
  }

  /**
   * A claim already holding one unit of `resource` when the run starts (a
   * patient placed in the model before time 0), whatever the capacity: units
   * held beyond it count as overtime. It asked at `since` (<= now).
   */
  place(entity: number, resource: Resource, onGrant: number, since: number): number {
    const set = resource.asSet;
    const claim = this.newClaim(entity, 0, set, ONE, onGrant, -1, since);
    resource.busy += 1;
    resource.noteBusy(this.sim);
    if (resource.preemptive) resource.holders.push(claim);
    this.state[claim] = HELD;
    return claim;
  }

  /** Gives back every unit the claim holds and serves whoever can go next. Also ends a preempted claim. */
  release(claim: number): void {
    if (this.state[claim] !== HELD) {
      this.endUnheld(claim);
      return;
    }
    const set = this.set[claim]!;
    if (set.length === 1) {
      // One resource: nothing was given back before (that would have ended the claim).
      const r = set[0]!;
      r.busy -= this.amounts[claim]![0]!;
      if (r.preemptive) removeValue(r.holders, claim);
      this.freeClaim(claim);
      this.handOn(r);
      return;
    }
    this.releaseSet(claim, set);
  }

  /** `release` of a claim not held: ends a preempted one, refuses any other. */
  private endUnheld(claim: number): void {
    if (this.state[claim] !== PREEMPTED) notHeld('release', claim);
    this.freeClaim(claim);
  }

  /** `release` of a claim on several resources, some perhaps given back already. */
  private releaseSet(claim: number, set: readonly Resource[]): void {
    const amounts = this.amounts[claim]!;
    const mask = this.releasedMask[claim]!;
    for (let i = 0; i < set.length; i++) {
      if ((mask & (1 << i)) !== 0) continue;
      const r = set[i]!;
      r.busy -= amounts.length === 1 ? amounts[0]! : amounts[i]!;
      if (r.preemptive) removeValue(r.holders, claim);
    }
    this.freeClaim(claim);
    for (let i = 0; i < set.length; i++) if ((mask & (1 << i)) === 0) this.handOn(set[i]!);
  }

  /**
   * Gives back one resource of a held set and keeps the rest (the surgeon
   * leaves, the room stays for cleaning). Releasing the last one ends the claim.
   */
  releaseOne(claim: number, resource: Resource): void {
    if (this.state[claim] !== HELD) notHeld('releaseOne', claim);
    const set = this.set[claim]!;
    const i = set.indexOf(resource);
    if (i < 0) throw new Error(`releaseOne: claim ${claim} does not hold ${resource.name}`);
    if (set.length > 30) throw new Error('releaseOne: sets of more than 30 resources are not supported');
    const mask = this.releasedMask[claim]!;
    if ((mask & (1 << i)) !== 0) throw new Error(`releaseOne: claim ${claim} already gave back ${resource.name}`);
    const all = (1 << set.length) - 1;
    if ((mask | (1 << i)) === all) {
      this.release(claim);
      return;
    }
    this.releasedMask[claim] = mask | (1 << i);
    const amounts = this.amounts[claim]!;
    resource.busy -= amounts.length === 1 ? amounts[0]! : amounts[i]!;
    if (resource.preemptive) removeValue(resource.holders, claim);
    this.handOn(resource);
  }

  /**
   * Units of `r` were given back: serves whoever can go next, then records the
   * busy count the change ends with. A unit given back and taken again at the
   * same instant is busy throughout (the same area; one update instead of two
   * on a busy queue).
   */
  private handOn(r: Resource): void {
    this.serve(r);
    if (r.busyUnits.value !== r.busy) r.noteBusy(this.sim);
  }

  /** Withdraws a waiting claim (a patient who leaves unseen). Returns false if it was not waiting. */
  renege(claim: number): boolean {
    if (this.state[claim] !== WAITING) return false;
    const set = this.set[claim]!;
    for (let i = 0; i < set.length; i++) {
      const r = set[i]!;
      r.waiting.remove(claim);
      r.queueLength.change(this.sim, r.waiting.length);
      r.reneged++;
    }
    this.freeClaim(claim);
    // A claim that left may have been the one in front; those behind may fit now.
    for (let i = 0; i < set.length; i++) this.serve(set[i]!);
    return true;
  }

  /**
   * Sets the units on duty (a roster's shift change). Units beyond the new
   * capacity that are busy finish the task in hand; that time is overtime.
   */
  setCapacity(r: Resource, capacity: number): void {
    if (!(Number.isInteger(capacity) && capacity >= 0)) {
      throw new Error(`resource ${r.name}: capacity must be a non-negative integer, got ${capacity}`);
    }
    const now = this.sim.now;
    r.capacity = capacity;
    r.onDuty.update(now, capacity);
    r.noteBusy(this.sim);
    this.serve(r);
  }

  resetStats(now: number): void {
    for (const r of this.resources) r.resetStats(now);
  }

  /** Grants waiting claims on `r`, in service order, while units are free. */
  private serve(r: Resource): void {
    const list = r.waiting;
    let i = 0;
    while (i < list.length && r.busy < r.capacity) {
      const claim = list.at(i);
      const amounts = this.amounts[claim]!;
      const set = this.set[claim]!;
      // An anyOf claim, or one for a single unit of r alone, takes the unit
      // free here (r has one: see the loop's condition).
      const any = amounts === ANY_ONE;
      const one = any || (amounts === ONE && set.length === 1);
      if (one || this.fitsNow(claim)) {
        for (let k = 0; k < set.length; k++) {
          const other = set[k]!;
          other.waiting.remove(claim);
          other.queueLength.change(this.sim, other.waiting.length);
        }
        if (any) this.set[claim] = r.asSet;
        if (one) this.grantOne(claim, r);
        else this.grant(claim);
        this.sim.scheduleNow(this.onGrant[claim]!, this.entity[claim]!, claim, PRIORITY.GRANT);
      } else {
        i++;
      }
    }
  }

  private fitsNow(claim: number): boolean {
    const set = this.set[claim]!;
    const amounts = this.amounts[claim]!;
    for (let i = 0; i < set.length; i++) {
      if (set[i]!.free < (amounts.length === 1 ? amounts[0]! : amounts[i]!)) return false;
    }
    return true;
  }

  /** `grant` of one unit of `r`, the claim's only resource (no set or amounts to read). */
  private grantOne(claim: number, r: Resource): void {
    this.take(claim, r, 1);
    this.state[claim] = HELD;
  }

  private grant(claim: number): void {
    const set = this.set[claim]!;
    const amounts = this.amounts[claim]!;
    for (let i = 0; i < set.length; i++) this.take(claim, set[i]!, amounts.length === 1 ? amounts[0]! : amounts[i]!);
    this.state[claim] = HELD;
  }

  /** Gives `units` of `r` to the claim and records its wait there (the wait is read here, not passed: see TimeWeighted.change). */
  private take(claim: number, r: Resource, units: number): void {
    const wait = this.sim.now - this.requestTime[claim]!;
    r.busy += units;
    r.noteBusy(this.sim);
    r.granted++;
    r.waits.add(wait);
    if (wait > 0) r.delayed++;
    if (r.preemptive) r.holders.push(claim);
  }

  /** Takes the unit of the most recently served, lowest-priority holder below `claim`'s priority. */
  private preemptFor(r: Resource, claim: number): boolean {
    const priority = this.priority[claim]!;
    const amount = this.amounts[claim]![0]!;
    let victim = -1;
    for (let i = r.holders.length - 1; i >= 0; i--) {
      const h = r.holders[i]!;
      if (this.set[h]!.length !== 1 || this.amounts[h]![0]! + r.free < amount) continue;
      if (this.priority[h]! < priority && (victim < 0 || this.priority[h]! < this.priority[victim]!)) victim = h;
    }
    if (victim < 0) return false;
    if (this.onPreempt[victim]! < 0) throw new Error(`resource ${r.name}: a claim that can be preempted needs an onPreempt handler`);
    r.busy -= this.amounts[victim]![0]!;
    removeValue(r.holders, victim);
    this.state[victim] = PREEMPTED;
    r.preempted++;
    this.grant(claim);
    this.sim.schedule(0, this.onPreempt[victim]!, this.entity[victim]!, victim, PRIORITY.PREEMPT);
    return true;
  }
}

/** The error of releasing a claim that holds nothing, kept out of the hot path's code. */
function notHeld(caller: string, claim: number): never {
  throw new Error(`${caller}: claim ${claim} is not held`);
}

function removeValue(list: number[], value: number): void {
  const i = list.lastIndexOf(value);
  if (i >= 0) list.splice(i, 1);
}
