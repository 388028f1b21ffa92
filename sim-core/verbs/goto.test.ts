import { describe, expect, it } from 'vitest';
import { holdFor, runTiny, tinyModel } from './test-model.js';

describe('goto: jump to another step', () => {
  it('skips the steps it jumps over', () => {
    const model = tinyModel({ arrivals: [0], steps: [{ op: 'goto', target: 2 }, holdFor(10, 'skipped'), holdFor(20, 'seen')] });
    expect(runTiny(model).patients[0]!.activities).toEqual([['seen', 0, 20]]);
  });

  it('loops back: a ward round every hour until the stock of dressings runs out', () => {
    // Three dressings on the shelf, one per round, never reordered: the fourth round finds none and ends the case.
    const model = tinyModel({
      items: [
        { name: 'dressing', unitCost: 0, initialStock: 3, policy: { type: 'sS', s: -1, S: 3 }, leadTime: { type: 'constant', value: 1 }, onStockOut: 'cancel' },
      ],
      arrivals: [0],
      steps: [{ op: 'consume', item: 0, quantity: 1 }, holdFor(60, 'round'), { op: 'goto', target: 0 }],
    });
    const patient = runTiny(model).patients[0]!;
    expect(patient.activities).toEqual([
      ['round', 0, 60],
      ['round', 60, 120],
      ['round', 120, 180],
    ]);
    expect(patient.left).toEqual({ at: 180, how: 'cancelled' });
  });

  it('loops until the run ends when nothing stops it (the fifth round is still running at 270)', () => {
    const model = tinyModel({ horizon: 270, arrivals: [0], steps: [holdFor(60, 'round'), { op: 'goto', target: 0 }] });
    const patient = runTiny(model).patients[0]!;
    expect(patient.activities.map((a) => a[1])).toEqual([0, 60, 120, 180, 240]);
    expect(patient.left).toBeUndefined();
  });
});
