/**
 * The uses of resources (`RunObserver.used`) kept in typed columns and told to
 * their observers in batches, in the order they happened. A use ends at every
 * release, so it is the commonest event an observer hears; told at once, each
 * is a call with three times as arguments from the middle of the release, the
 * hottest function of a run, which it lengthened past what V8 inlines (times
 * passed to a call it does not inline are boxed on the heap). Kept here, a use
 * is a few stores; each observer then reads the batch in a loop of its own
 * (`Observer.usedMany`), where its own code is small enough to inline.
 *
 * Only when every observer that hears uses reads them in batches: its uses
 * read nothing but the use itself and the model, and what they change is read
 * only at the close. The cost observer's own charges (consumables, penalties)
 * wait in the same sequence, so that the ledger adds in the run's order and
 * its sums are the same to the bit.
 */
import type { Simulation } from '../simulation.js';

/** Uses kept before they are told: enough for the loops to run long, small enough to stay in cache. */
const CAPACITY = 2048;

/** A row's kind: a use, or a charge of the cost observer's own. */
export const USE = 0;
export const CHARGE = 1;

/** Who reads kept uses (an observer with `usedMany`). */
export interface UseReader {
  usedMany(uses: KeptUses): void;
}

/**
 * Rows 0 to `count` - 1, oldest first. A USE row has the arguments of
 * `RunObserver.used` and `at`, the time the use ended; a CHARGE row the
 * patient's serial and pathway, its department in `resource`, its cost type in
 * `costType` and its amount in `from`.
 */
export interface KeptUses {
  readonly count: number;
  readonly kind: Uint8Array;
  readonly serial: Int32Array;
  readonly pathway: Int32Array;
  readonly resource: Int32Array;
  readonly costType: Int32Array;
  readonly from: Float64Array;
  readonly grantedAt: Float64Array;
  readonly requestedAt: Float64Array;
  readonly at: Float64Array;
}

export class UseLog implements KeptUses {
  /** Whether uses are kept here (some observer hears them, and all read them in batches). */
  waiting = false;
  private readers: readonly UseReader[] = [];
  count = 0;
  readonly kind = new Uint8Array(CAPACITY);
  readonly serial = new Int32Array(CAPACITY);
  readonly pathway = new Int32Array(CAPACITY);
  readonly resource = new Int32Array(CAPACITY);
  readonly costType = new Int32Array(CAPACITY);
  readonly from = new Float64Array(CAPACITY);
  readonly grantedAt = new Float64Array(CAPACITY);
  readonly requestedAt = new Float64Array(CAPACITY);
  readonly at = new Float64Array(CAPACITY);

  constructor(private readonly sim: Simulation) {}

  /** From now on uses are kept and read by `readers` (in this order) at each flush. */
  tellLater(readers: readonly UseReader[]): void {
    this.readers = readers;
    this.waiting = true;
  }

  /** A use ended now (the arguments of `RunObserver.used`). */
  add(serial: number, pathway: number, resource: number, from: number, grantedAt: number, requestedAt: number): void {
    if (this.count === CAPACITY) this.flush();
    const k = this.count++;
    this.kind[k] = USE;
    this.serial[k] = serial;
    this.pathway[k] = pathway;
    this.resource[k] = resource;
    this.from[k] = from;
    this.grantedAt[k] = grantedAt;
    this.requestedAt[k] = requestedAt;
    this.at[k] = this.sim.now;
  }

  /** A charge of the cost observer's own, to book after the uses before it. */
  addCharge(serial: number, pathway: number, department: number, type: number, amount: number): void {
    if (this.count === CAPACITY) this.flush();
    const k = this.count++;
    this.kind[k] = CHARGE;
    this.serial[k] = serial;
    this.pathway[k] = pathway;
    this.resource[k] = department;
    this.costType[k] = type;
    this.from[k] = amount;
  }

  /** Each reader reads the kept rows; then they are gone. */
  flush(): void {
    if (this.count === 0) return;
    const s = this.readers;
    for (let i = 0; i < s.length; i++) s[i]!.usedMany(this);
    this.count = 0;
  }
}
