import { describe, expect, it } from 'vitest';
import type { ItemModel } from '../index.js';
import { holdFor, runTiny, tinyModel } from './test-model.js';

/** Implants: `initialStock` on the shelf, reordered up to 5 when the position falls to `reorderAt`, delivered in 60 minutes. */
function implants(initialStock: number, reorderAt: number, onStockOut: 'wait' | 'cancel'): ItemModel {
  return {
    name: 'implant',
    unitCost: 0,
    initialStock,
    policy: { type: 'sS', s: reorderAt, S: 5 },
    leadTime: { type: 'constant', value: 60 },
    onStockOut,
  };
}

const surgery = [{ op: 'consume' as const, item: 0, quantity: 2 }, holdFor(30, 'surgery')];

describe('consume: take stock for a step, or wait for it, or cancel', () => {
  it('takes the quantity from stock for each patient', () => {
    const { figures, patients } = runTiny(tinyModel({ items: [implants(5, -1, 'cancel')], arrivals: [0, 10], steps: surgery }));
    expect(figures['stock.implant.used']).toBe(4);
    expect(figures['stock.implant.stockouts']).toBe(0);
    expect(figures['stock.implant.orders']).toBe(0);
    expect(patients.map((p) => p.left?.at)).toEqual([30, 40]);
  });

  it('records a stock-out and cancels the case when the shelf runs short and the item says cancel', () => {
    // Five implants: two patients take two each, the third finds one.
    const { figures, patients } = runTiny(tinyModel({ items: [implants(5, -1, 'cancel')], arrivals: [0, 10, 20], steps: surgery }));
    expect(figures['stock.implant.stockouts']).toBe(1);
    expect(figures['stock.implant.used']).toBe(4);
    expect(patients[2]!.rows).toContain('20 stock-out implant');
    expect(patients[2]!.left).toEqual({ at: 20, how: 'cancelled' });
    expect(figures['cancellations.patient']).toBe(1);
  });

  it('makes a patient who finds the shelf empty wait for the delivery when the item says wait', () => {
    // Nothing on the shelf: the stock-out orders up to 5 (plus the 2 owed), delivered at 60.
    const { figures, patients } = runTiny(tinyModel({ items: [implants(0, 0, 'wait')], arrivals: [0], steps: surgery }));
    expect(figures['stock.implant.stockouts']).toBe(1);
    expect(figures['stock.implant.orders']).toBe(1);
    expect(patients[0]!.activities).toEqual([['surgery', 60, 90]]);
    expect(figures['stock.implant.used']).toBe(2);
  });
});
