import { describe, expect, it } from 'vitest';
import { runHospital, TraceBuffer, type ItemModel } from '../index.js';
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

  it('lets a patient placed waiting for stock take it when the delivery comes: the lead time less the time already waited', () => {
    // Placed at the consume step having waited 20 of the 60-minute lead time; nobody arrives in the run.
    const model = tinyModel({ items: [implants(5, -1, 'wait')], arrivals: [], steps: surgery });
    const trace = new TraceBuffer();
    runHospital(model, { seed: 1, replication: 1, trace, initialState: { patients: [{ classIndex: 0, step: 0, holding: [], since: -20, arrivedAt: -30 }] } });
    const d = trace.toData();
    const rows = Array.from({ length: d.length }, (_, i) => `${d.time[i]} ${d.whatNames[d.what[i]!]} ${d.whereNames[d.where[i]!]}`);
    expect(rows.filter((r) => !r.includes('arrive') && !r.includes('placed'))).toEqual([
      '0 stock-out implant',
      '40 start surgery',
      '70 finish surgery',
      '70 leave patient',
    ]);
  });
});
