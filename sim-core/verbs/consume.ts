/** consume: take units of a stock item; on a stock-out, wait for the delivery or have the case cancelled. */
import { nextStep, WAIT, type Run, type StepRunner, type Verb } from './verb.js';

export interface ConsumeStep {
  op: 'consume';
  item: number;
  quantity: number;
}

class ConsumeRunner implements StepRunner<ConsumeStep> {
  constructor(private readonly r: Run) {
    r.stock.whenDelivered(this.onDelivery, this);
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

// A wait for stock is not a place a state can put a patient (its delivery is not in the state): no standing.
export const consume: Verb<ConsumeStep> = { op: 'consume', create: (run) => new ConsumeRunner(run), next: nextStep };
