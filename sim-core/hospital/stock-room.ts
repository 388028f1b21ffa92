/**
 * The stock room: one StockItem per consumable, its deliveries (which let the
 * patients waiting for an item go on, through whoever asked to hear of them)
 * and the periodic reviews of items ordered on a fixed cycle, the first at time 0.
 */
import { PRIORITY } from '../priorities.js';
import type { Simulation } from '../simulation.js';
import { StockItem, type ItemModel } from './stock.js';

export type DeliveryListener<T> = (this: T, item: number, served: readonly number[]) => void;

export class StockRoom {
  readonly items: StockItem[];
  private listener: DeliveryListener<unknown> | null = null;
  private listenerTarget: unknown = null;

  constructor(sim: Simulation, models: readonly ItemModel[], rep: string) {
    const deliveryKind = sim.register('delivery', this.onDelivery, this);
    this.items = models.map((it, i) => new StockItem(i, it, sim, sim.stream(`leadtime:${it.name}${rep}`), deliveryKind));
    models.forEach((it, i) => {
      if (it.policy.type !== 'periodic') return;
      const every = it.policy.every;
      const review = sim.register(`review:${it.name}`, () => {
        this.items[i]!.review();
        sim.schedule(every, review, 0, 0, PRIORITY.DEFAULT);
      });
      sim.schedule(0, review, 0, 0, PRIORITY.DEFAULT);
    });
  }

  /** Who is told, with the item and the patients served in order, when a delivery meets waiting demand. */
  whenDelivered<T>(listener: DeliveryListener<T>, target: T): void {
    this.listener = listener as DeliveryListener<unknown>;
    this.listenerTarget = target;
  }

  private onDelivery(item: number, quantity: number): void {
    const served = this.items[item]!.deliver(quantity);
    if (served.length > 0 && this.listener) this.listener.call(this.listenerTarget, item, served);
  }
}
