import { PRIORITY } from '../priorities.js';
import type { Distribution } from '../random/distribution.js';
import { sharedDistribution } from '../random/distributions/index.js';
import type { RandomStream } from '../random/stream.js';
import type { Simulation } from '../simulation.js';
import { TimeWeighted } from '../stats/time-weighted.js';
import type { DistributionSpec } from '../random/distributions/index.js';

export type StockPolicy = { type: 'sS'; s: number; S: number } | { type: 'RQ'; R: number; Q: number } | { type: 'periodic'; every: number; upTo: number };

export interface ItemModel {
  name: string;
  unitCost: number;
  initialStock: number;
  policy: StockPolicy;
  /** Minutes from order to delivery. */
  leadTime: DistributionSpec;
  onStockOut: 'wait' | 'cancel';
}

/**
 * Stock of one consumable: on hand, on order, and who waits for it. Orders
 * follow the item's policy: continuous review for (s,S) and (R,Q), a review
 * every period for periodic policies. Deliveries arrive after a sampled lead time.
 */
export class StockItem {
  onHand: number;
  onOrder = 0;
  /** Units wanted by patients waiting for a delivery. */
  backorder = 0;
  readonly waiting: { patient: number; quantity: number }[] = [];
  readonly level: TimeWeighted;
  /** Units ordered and not yet delivered, over time (mean on order). */
  readonly onOrderLevel: TimeWeighted;
  /** Units owed to waiting patients, over time (mean backorders). */
  readonly backorderLevel: TimeWeighted;
  /** 1 while nothing is on hand, else 0: its mean is the share of time out of stock. */
  readonly emptyShelf: TimeWeighted;
  demandUnits = 0;
  filledFromStock = 0;
  stockouts = 0;
  ordersPlaced = 0;
  unitsUsed = 0;
  private readonly leadTime: Distribution;

  constructor(
    readonly index: number,
    readonly model: ItemModel,
    private readonly sim: Simulation,
    private readonly rng: RandomStream,
    private readonly deliveryKind: number,
  ) {
    this.onHand = model.initialStock;
    this.level = new TimeWeighted(sim.now, model.initialStock);
    this.onOrderLevel = new TimeWeighted(sim.now, 0);
    this.backorderLevel = new TimeWeighted(sim.now, 0);
    this.emptyShelf = new TimeWeighted(sim.now, model.initialStock > 0 ? 0 : 1);
    this.leadTime = sharedDistribution(model.leadTime);
  }

  /** Inventory position: what we have and will have, less what is owed. */
  get position(): number {
    return this.onHand + this.onOrder - this.backorder;
  }

  /**
   * A patient asks for `quantity` units. Returns true if taken from stock now;
   * false if there are not enough (a stock-out: the caller waits or cancels).
   */
  take(quantity: number): boolean {
    this.demandUnits += quantity;
    if (this.onHand >= quantity && this.waiting.length === 0) {
      this.onHand -= quantity;
      this.unitsUsed += quantity;
      this.filledFromStock += quantity;
      this.track();
      this.reviewContinuous();
      return true;
    }
    this.stockouts++;
    return false;
  }

  /** Queues a patient for the next deliveries (onStockOut: wait). */
  wait(patient: number, quantity: number): void {
    this.waiting.push({ patient, quantity });
    this.backorder += quantity;
    this.track();
    this.reviewContinuous();
  }

  /** Ends a delivery; returns the patients whose demand is now met, in order. */
  deliver(quantity: number): number[] {
    this.onOrder -= quantity;
    this.onHand += quantity;
    const served: number[] = [];
    while (this.waiting.length > 0 && this.onHand >= this.waiting[0]!.quantity) {
      const w = this.waiting.shift()!;
      this.onHand -= w.quantity;
      this.backorder -= w.quantity;
      this.unitsUsed += w.quantity;
      served.push(w.patient);
    }
    this.track();
    this.reviewContinuous();
    return served;
  }

  /** Periodic review: order up to the level. */
  review(): void {
    const policy = this.model.policy;
    if (policy.type !== 'periodic') return;
    const want = policy.upTo - this.position;
    if (want > 0) this.order(want);
  }

  resetStats(now: number): void {
    this.level.reset(now);
    this.onOrderLevel.reset(now);
    this.backorderLevel.reset(now);
    this.emptyShelf.reset(now);
    this.demandUnits = 0;
    this.filledFromStock = 0;
    this.stockouts = 0;
    this.ordersPlaced = 0;
    this.unitsUsed = 0;
  }

  /** Brings the levels over time up to now. */
  private track(): void {
    const now = this.sim.now;
    this.level.update(now, this.onHand);
    this.onOrderLevel.update(now, this.onOrder);
    this.backorderLevel.update(now, this.backorder);
    this.emptyShelf.update(now, this.onHand > 0 ? 0 : 1);
  }

  private reviewContinuous(): void {
    const policy = this.model.policy;
    if (policy.type === 'sS') {
      if (this.position <= policy.s) this.order(policy.S - this.position);
    } else if (policy.type === 'RQ') {
      // (R, nQ): enough multiples of Q to lift the position above R.
      let q = 0;
      while (this.position + q <= policy.R) q += policy.Q;
      if (q > 0) this.order(q);
    }
  }

  private order(quantity: number): void {
    this.onOrder += quantity;
    this.onOrderLevel.update(this.sim.now, this.onOrder);
    this.ordersPlaced++;
    this.sim.schedule(this.leadTime.sample(this.rng), this.deliveryKind, this.index, quantity, PRIORITY.DEFAULT);
  }
}
