import { describe, expect, it } from 'vitest';
import { holdFor, runTiny, seizeOf, tinyModel } from './test-model.js';

describe('leave: the pathway ends here', () => {
  it('ends the pathway at once, skipping the steps after it, as a completed stay', () => {
    const model = tinyModel({ arrivals: [0], steps: [holdFor(10, 'seen'), { op: 'leave' }, holdFor(20, 'never')] });
    const { patients, figures } = runTiny(model);
    expect(patients[0]!.activities).toEqual([['seen', 0, 10]]);
    expect(patients[0]!.left).toEqual({ at: 10, how: 'leave' });
    expect(figures['throughput.patient']).toBe(1);
  });

  it('leaves as the end of the pathway does', () => {
    const withLeave = runTiny(tinyModel({ arrivals: [0], steps: [holdFor(10, 'seen'), { op: 'leave' }] }));
    const without = runTiny(tinyModel({ arrivals: [0], steps: [holdFor(10, 'seen')] }));
    expect(withLeave.patients).toEqual(without.patients);
  });

  it('gives back everything the patient holds, so the next one takes it at that instant', () => {
    const model = tinyModel({ resources: ['cubicle'], arrivals: [0, 0], steps: [seizeOf([0]), holdFor(30, 'seen'), { op: 'leave' }] });
    const [first, second] = runTiny(model).patients;
    expect(first!.released).toEqual([['cubicle', 30]]);
    expect(second!.seized).toEqual([['cubicle', 30]]);
  });
});
