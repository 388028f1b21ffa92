import { describe, expect, it } from 'vitest';
import { holdFor, runTiny, seizeOf, tinyModel } from './test-model.js';
import { hold } from './hold.js';

describe('hold: a timed activity', () => {
  it('lets a patient who arrives at t and holds 30 minutes leave at t + 30', () => {
    const { patients } = runTiny(tinyModel({ arrivals: [60], steps: [holdFor(30, 'triage')] }));
    expect(patients[0]!.activities).toEqual([['triage', 60, 90]]);
    expect(patients[0]!.left).toEqual({ at: 90, how: 'leave' });
  });

  it('adds holds in a row, and makes no one wait for a hold that takes no resource', () => {
    const { patients } = runTiny(tinyModel({ arrivals: [0, 0], steps: [holdFor(30, 'triage'), holdFor(15, 'review')] }));
    for (const p of patients) {
      expect(p.activities).toEqual([
        ['triage', 0, 30],
        ['review', 30, 45],
      ]);
      expect(p.left?.at).toBe(45);
    }
  });

  it("takes each patient's own length when it depends on an attribute (a procedure's duration)", () => {
    const model = tinyModel({
      attributes: [{ name: 'procedure', values: ['hip', 'knee', 'wrist'] }],
      arrivals: [
        { at: 0, attributes: [0] },
        { at: 0, attributes: [1] },
        { at: 0, attributes: [2] },
      ],
      steps: [
        {
          op: 'hold',
          activity: 'surgery',
          duration: {
            kind: 'byAttribute',
            attribute: 0,
            byValue: [{ type: 'constant', value: 120 }, { type: 'constant', value: 90 }, null],
            otherwise: { type: 'constant', value: 45 },
          },
        },
      ],
    });
    expect(runTiny(model).patients.map((p) => p.left?.at)).toEqual([120, 90, 45]);
  });

  it('keeps an outlier (a bed in another ward than its own) factor times the stay drawn, as a compiled stay with outlying does', () => {
    // Two patients at 0 and one bed in their own ward: the second outlies to the other ward and stays twice as long.
    const wards = [0, 1];
    const model = tinyModel({
      resources: [
        { name: 'medical', kind: 'ward' },
        { name: 'surgical', kind: 'ward' },
      ],
      arrivals: [0, 0],
      steps: [seizeOf(wards, { pooled: true }), { ...holdFor(100, 'stay:medical'), outlied: { wards, factor: 2 } }, { op: 'release', resources: wards }],
    });
    const [own, outlier] = runTiny(model).patients;
    expect(own!.seized).toEqual([['medical', 0]]);
    expect(own!.left?.at).toBe(100);
    expect(outlier!.seized).toEqual([['surgical', 0]]);
    expect(outlier!.left?.at).toBe(200);
  });

  it('tells the time it takes for given attribute values, as a run takes it (for paths drawn ahead of a run)', () => {
    const step = {
      op: 'hold' as const,
      activity: 'surgery',
      duration: {
        kind: 'byAttribute' as const,
        attribute: 0,
        byValue: [{ type: 'constant' as const, value: 120 }, null],
        otherwise: { type: 'constant' as const, value: 45 },
      },
    };
    const of = (v: number) => hold.duration!(step, () => v);
    expect([of(0), of(1), of(-1)]).toEqual([
      { type: 'constant', value: 120 },
      { type: 'constant', value: 45 },
      { type: 'constant', value: 45 },
    ]);
    expect(hold.duration!({ ...step, duration: { ...step.duration, otherwise: null } }, () => 1)).toBeNull();
    const model = tinyModel({
      attributes: [{ name: 'procedure', values: ['hip', 'wrist'] }],
      arrivals: [
        { at: 0, attributes: [0] },
        { at: 0, attributes: [1] },
      ],
      steps: [step],
    });
    expect(runTiny(model).patients.map((p) => p.left?.at)).toEqual([120, 45]);
    expect(hold.duration!(holdFor(30, 'triage'), () => -1)).toEqual({ type: 'constant', value: 30 });
  });
});
