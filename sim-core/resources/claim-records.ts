import type { Resource } from './resource.js';

/** Where a claim stands. */
export const FREE = 0;
export const WAITING = 1;
export const HELD = 2;
/** Its units were taken by a higher-priority claim; it ends when released. */
export const PREEMPTED = 3;

/**
 * The claims' records, by claim id (an ended claim's id is reused): who made
 * each, for which resources and how many units, since when, and where it
 * stands; and the questions a model asks of a claim. The queueing rules that
 * change them are ClaimBook's (which extends this). Kept as arrays by id, not
 * as an object per claim, so a busy run allocates nothing for its claims.
 */
export class ClaimRecords {
  protected entity: number[] = [];
  protected priority: number[] = [];
  protected state: number[] = [];
  protected set: (readonly Resource[])[] = [];
  protected amounts: (readonly number[])[] = [];
  protected onGrant: number[] = [];
  protected onPreempt: number[] = [];
  protected requestTime: number[] = [];
  /** Bit i set: the claim has given back set[i] already (partial release). */
  protected releasedMask: number[] = [];
  protected freeIds: number[] = [];

  /** Records that a claim asked at `since`, earlier than when it was made (a placed patient already waiting). */
  backdate(claim: number, since: number): void {
    this.requestTime[claim] = since;
  }

  /** Whether the claim holds its units now. */
  isHeld(claim: number): boolean {
    return this.state[claim] === HELD;
  }

  /** Whether the claim is waiting for its units. */
  isWaiting(claim: number): boolean {
    return this.state[claim] === WAITING;
  }

  /** When the claim asked (minutes from the start): the wait so far is now minus this. */
  requestedAt(claim: number): number {
    return this.requestTime[claim]!;
  }

  /** Whether the claim still holds `resource`. */
  holds(claim: number, resource: Resource): boolean {
    if (this.state[claim] !== HELD) return false;
    const i = this.set[claim]!.indexOf(resource);
    return i >= 0 && (this.releasedMask[claim]! & (1 << i)) === 0;
  }

  /** Whether the claim still holds the `k`-th resource of its set (as `holds`, without looking the resource up). */
  holdsAt(claim: number, k: number): boolean {
    return this.state[claim] === HELD && (this.releasedMask[claim]! & (1 << k)) === 0;
  }

  /** The entity (patient) a claim was made for. */
  entityOf(claim: number): number {
    return this.entity[claim]!;
  }

  /** The priority a claim waits at. */
  priorityOf(claim: number): number {
    return this.priority[claim]!;
  }

  /** The resources of a claim's set. */
  resourcesOf(claim: number): readonly Resource[] {
    return this.set[claim]!;
  }

  /** A new claim's record (reusing an ended claim's id); its state is for the caller to set. */
  protected newClaim(
    entity: number,
    priority: number,
    set: readonly Resource[],
    amounts: readonly number[],
    onGrant: number,
    onPreempt: number,
    now: number,
  ): number {
    const id = this.freeIds.length > 0 ? this.freeIds.pop()! : this.entity.length;
    this.entity[id] = entity;
    this.priority[id] = priority;
    this.set[id] = set;
    this.amounts[id] = amounts;
    this.onGrant[id] = onGrant;
    this.onPreempt[id] = onPreempt;
    this.requestTime[id] = now;
    this.releasedMask[id] = 0;
    return id;
  }

  /** Ends a claim: its id may be reused. */
  protected freeClaim(claim: number): void {
    this.state[claim] = FREE;
    this.freeIds.push(claim);
  }
}
