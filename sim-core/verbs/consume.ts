/** consume: take units of a stock item; on a stock-out, wait for the delivery or have the case cancelled. */
import { PRIORITY } from '../priorities.js';
import type { Distribution } from '../random/distribution.js';
import { remainingDuration } from '../random/distributions/conditional.js';
import { sharedDistribution } from '../random/distributions/index.js';
import type { RandomStream } from '../random/stream.js';
import { nextStep, WAIT, type Run, type StepRunner, type Verb } from './verb.js';

export interface ConsumeStep {
  op: 'consume';
  item: number;
  quantity: number;
}

class ConsumeRunner implements StepRunner<ConsumeStep> {
  private readonly deliveredKind: number;
  private leadTimes: { rng: RandomStream; of: (Distribution | null)[] } | null = null;

  constructor(private readonly r: Run) {
    r.stock.whenDelivered(this.onDelivery, this);
    this.deliveredKind = r.sim.register('placed-stock-delivery', this.onPlacedDelivery, this);
  }

  run(p: number, s: ConsumeStep, i: number): number {
    const { r } = this;
    const item = r.stock.items[s.item]!;
    if (item.take(s.quantity)) {
      r.observe.consumed(p, s.item, s.quantity);
      return i + 1;
    }
    r.observe.stockOut(p, s.item);
    if (item.model.onStockOut === 'wait') {
      r.patients.waitingQuantity[p] = s.quantity;
      item.wait(p, s.quantity);
      return WAIT;
    }
    r.cancel(p);
    return WAIT;
  }

  /**
   * A patient placed waiting for a delivery since `since`. The state holds no
   * stock or orders, so the delivery it waits for is taken to be one ordered
   * when it found the shelf empty: it comes after the item's lead time drawn
   * given the time already waited; then the patient takes its units as usual.
   */
  resume(p: number, s: ConsumeStep, i: number, since: number): number {
    const { r } = this;
    const item = r.stock.items[s.item]!;
    if (item.model.onStockOut !== 'wait') return this.run(p, s, i);
    this.leadTimes ??= { rng: r.stream('placed-stock-wait'), of: r.stock.items.map(() => null) };
    const lead = (this.leadTimes.of[s.item] ??= sharedDistribution(item.model.leadTime));
    r.observe.stockOut(p, s.item);
    r.sim.schedule(remainingDuration(lead, this.leadTimes.rng, r.sim.now - since), this.deliveredKind, p, 0, PRIORITY.RELEASE);
    return WAIT;
  }

  private onPlacedDelivery(p: number): void {
    const pt = this.r.patients;
    const i = pt.step[p]!;
    const next = this.run(p, this.r.pathways[pt.pathwayOf[p]!]!.steps[i] as ConsumeStep, i);
    if (next !== WAIT) this.r.proceed(p, next);
  }

  /** A delivery came in: the patients it serves go on. */
  private onDelivery(item: number, served: readonly number[]): void {
    const { r } = this;
    for (let k = 0; k < served.length; k++) {
      const p = served[k]!;
      r.observe.consumed(p, item, r.patients.waitingQuantity[p]!);
      r.proceed(p, r.patients.step[p]! + 1);
    }
  }
}

export const consume: Verb<ConsumeStep> = { op: 'consume', create: (run) => new ConsumeRunner(run), next: nextStep, stockWait: (s) => s.item };
