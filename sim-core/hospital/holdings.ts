/**
 * What each patient holds, and giving it back: the claims a patient holds in
 * the order taken, who each claim was made for (a room being cleaned outlives
 * its patient's slot), and room turnover: a room released with a turnover
 * stays busy for cleaning, charged to the case, while the patient moves on.
 */
import { PRIORITY } from '../priorities.js';
import type { Distribution } from '../random/distribution.js';
import { sharedDistribution } from '../random/distributions/index.js';
import type { RandomStream } from '../random/stream.js';
import type { ClaimBook } from '../resources/claim-book.js';
import type { Resource } from '../resources/resource.js';
import type { Simulation } from '../simulation.js';
import { claimOfKey, heldUnitKey, resourceOfKey } from './claim-key.js';
import type { DistributionSpec } from '../random/distributions/index.js';
import type { RunObserver } from './observer.js';
import { resized, type PatientTable } from './patients.js';
import type { UseLog } from './use-log.js';

export class Holdings {
  // By claim id (the book reuses ids, so these stay as long as the most claims ever open at once).
  grantedAt = new Float64Array(0);
  /** The serial and pathway of the patient a claim was made for. */
  owner = new Int32Array(0);
  pathway = new Int32Array(0);
  /** Units being cleaned, by heldUnitKey: when cleaning began. */
  private readonly inTurnover = new Map<number, number>();
  private readonly turnover: (Distribution | null)[];
  private readonly turnoverRng: (RandomStream | null)[];
  private readonly turnoverEndKind: number;
  private readonly n: number;

  constructor(
    private readonly sim: Simulation,
    private readonly book: ClaimBook,
    private readonly resources: readonly Resource[],
    private readonly patients: PatientTable,
    private readonly observe: RunObserver,
    /** Where uses are kept when their observers let them wait (use-log.ts). */
    private readonly uses: UseLog,
    /** Per resource: its name and cleaning time after each use, if any. */
    models: readonly { name: string; turnover?: DistributionSpec }[],
    rep: string,
  ) {
    this.n = Math.max(1, models.length);
    this.turnover = models.map((r) => (r.turnover ? sharedDistribution(r.turnover) : null));
    this.turnoverRng = models.map((r) => (r.turnover ? sim.stream(`turnover:${r.name}${rep}`) : null));
    this.turnoverEndKind = sim.register('turnover-end', this.onTurnoverEnd, this);
  }

  /** A claim was made for patient `p`: who it is for. */
  madeFor(claim: number, p: number): void {
    if (claim >= this.owner.length) this.grow(claim);
    this.owner[claim] = this.patients.serialOf[p]!;
    this.pathway[claim] = this.patients.pathwayOf[p]!;
  }

  /** The patient now holds the claim, granted now. */
  took(p: number, claim: number): void {
    this.grantedAt[claim] = this.sim.now;
    this.patients.held[p]!.push(claim);
  }

  /**
   * Gives back the units the patient holds of `which` resources (or all), latest claim first. With `busyFor`
   * (minutes, 0 or more) each stays busy that long more, charged to the case, as a room's cleaning does (an
   * ambulance's trip back); otherwise a room with a turnover is cleaned.
   */
  release(p: number, which: readonly number[] | 'all', busyFor = -1): void {
    this.releaseWhere(p, which === 'all' ? null : which, false, busyFor);
  }

  /**
   * Gives back everything the patient holds but its units of `kept` (a transfer keeps its transport and a
   * reserved bed), in the order `release` gives back. The list of the rest would be every resource of the
   * model: in a network of 180 sites, thousands a transfer step, searched for each unit given back.
   */
  releaseAllBut(p: number, kept: readonly number[]): void {
    this.releaseWhere(p, kept, true, -1);
  }

  /** `release` of the resources in `list` (null: all), or with `listIsKept` of those not in it. */
  private releaseWhere(p: number, list: readonly number[] | null, listIsKept: boolean, busyFor: number): void {
    const claims = this.patients.held[p]!;
    for (let c = claims.length - 1; c >= 0; c--) {
      const claim = claims[c]!;
      const set = this.book.resourcesOf(claim);
      for (let k = 0; k < set.length; k++) {
        const r = set[k]!;
        if (list !== null && list.includes(r.id) === listIsKept) continue;
        if (!this.book.holdsAt(claim, k) || this.isCleaning(claim, r.id)) continue;
        const t = this.turnover[r.id];
        if (t || busyFor >= 0) {
          // The room stays busy for cleaning, charged to this case; the patient moves on.
          this.used(claim, r, this.grantedAt[claim]!);
          this.inTurnover.set(heldUnitKey(claim, r.id, this.n), this.sim.now);
          const minutes = busyFor >= 0 ? busyFor : t!.sample(this.turnoverRng[r.id]!);
          this.sim.schedule(minutes, this.turnoverEndKind, claim, r.id, PRIORITY.RELEASE);
        } else {
          this.used(claim, r, this.grantedAt[claim]!);
          this.book.releaseOne(claim, r);
        }
        this.observe.released(p, r.id);
      }
      if (!this.stillHolds(claim, set)) removeAt(claims, c);
    }
  }

  /**
   * Claims still held at the end are charged up to the end, so costs match the
   * time-weighted areas; patients in order of arrival, so that the sums are
   * added in the same order whatever slots they had.
   */
  chargeWhatIsStillHeld(): void {
    for (const p of this.patients.stillIn()) {
      for (const claim of this.patients.held[p]!) {
        for (const r of this.book.resourcesOf(claim)) {
          if (this.book.holds(claim, r) && !this.isCleaning(claim, r.id)) this.used(claim, r, this.grantedAt[claim]!);
        }
      }
    }
    for (const [key, since] of this.inTurnover) this.used(claimOfKey(key, this.n), this.resources[resourceOfKey(key, this.n)]!, since);
  }

  private onTurnoverEnd(claim: number, r: number): void {
    const key = heldUnitKey(claim, r, this.n);
    const since = this.inTurnover.get(key)!;
    this.inTurnover.delete(key);
    this.used(claim, this.resources[r]!, since);
    this.book.releaseOne(claim, this.resources[r]!);
    this.observe.turnoverEnded(this.owner[claim]!, r);
  }

  /** Whether the claim still holds some resource of its set that is not being cleaned. */
  private stillHolds(claim: number, set: readonly Resource[]): boolean {
    for (let k = 0; k < set.length; k++) if (this.book.holdsAt(claim, k) && !this.isCleaning(claim, set[k]!.id)) return true;
    return false;
  }

  /** Whether the claim's unit of resource `r` is being cleaned (a map lookup only while some room is). */
  private isCleaning(claim: number, r: number): boolean {
    return this.inTurnover.size > 0 && this.inTurnover.has(heldUnitKey(claim, r, this.n));
  }

  /** `r` was busy under `claim` from `since` to now. */
  private used(claim: number, r: Resource, since: number): void {
    if (this.uses.waiting) this.uses.add(this.owner[claim]!, this.pathway[claim]!, r.id, since, this.grantedAt[claim]!, this.book.requestedAt(claim));
    else this.observe.used(this.owner[claim]!, this.pathway[claim]!, r.id, since, this.grantedAt[claim]!, this.book.requestedAt(claim));
  }

  private grow(claim: number): void {
    let n = Math.max(256, 2 * this.owner.length);
    while (n <= claim) n *= 2;
    this.grantedAt = resized(this.grantedAt, n);
    this.owner = resized(this.owner, n);
    this.pathway = resized(this.pathway, n);
  }
}

/** Removes `list[i]`, keeping the order, without the array `splice` would allocate for what it removed. */
function removeAt(list: number[], i: number): void {
  for (let k = i + 1; k < list.length; k++) list[k - 1] = list[k]!;
  list.pop(); // not `length--`: setting the length is a call into the runtime, pop is inlined
}
