import { describe, expect, it } from 'vitest';
import { holdFor, runTiny, seizeOf, tinyModel } from './test-model.js';
import { release } from './release.js';

describe('release: give back resources before the pathway ends', () => {
  it('frees a unit at the instant it is released, so the next patient takes it then', () => {
    // The first patient gives the doctor back after 30 minutes but stays for a 60-minute test.
    const model = tinyModel({
      resources: ['doctor'],
      arrivals: [0, 0],
      steps: [seizeOf([0]), holdFor(30, 'consult'), { op: 'release', resources: [0] }, holdFor(60, 'test')],
    });
    const [first, second] = runTiny(model).patients;
    expect(first!.released).toEqual([['doctor', 30]]);
    expect(second!.seized).toEqual([['doctor', 30]]);
    expect(first!.left?.at).toBe(90);
  });

  it('releases before it seizes at the same instant: a patient arriving as the bed frees is not turned away', () => {
    // No line at all (queueCapacity 0): one arriving at 30, as the first gives the bed back, gets it.
    const model = tinyModel({
      resources: [{ name: 'bed', queueCapacity: 0 }],
      arrivals: [0, 30],
      steps: [seizeOf([0]), holdFor(30, 'stay'), { op: 'release', resources: [0] }],
    });
    const { patients, figures } = runTiny(model);
    expect(patients[1]!.seized).toEqual([['bed', 30]]);
    expect(figures['refused.bed']).toBe(0);
  });

  it('gives back only the resources it names; the rest are held until the patient leaves', () => {
    const model = tinyModel({
      resources: ['nurse', 'bed'],
      arrivals: [0],
      steps: [seizeOf([0, 1]), holdFor(10, 'admission'), { op: 'release', resources: [0] }, holdFor(20, 'rest')],
    });
    expect(runTiny(model).patients[0]!.released).toEqual([
      ['nurse', 10],
      ['bed', 30],
    ]);
  });

  it("gives back everything with 'all'", () => {
    const model = tinyModel({
      resources: ['nurse', 'bed'],
      arrivals: [0],
      steps: [seizeOf([0, 1]), holdFor(10, 'admission'), { op: 'release', resources: 'all' }, holdFor(20, 'walk out')],
    });
    expect(runTiny(model).patients[0]!.released).toEqual([
      ['nurse', 10],
      ['bed', 10],
    ]);
  });

  it('holds after the step what it held less what it named, or nothing after "all" (for paths drawn ahead of a run)', () => {
    expect(release.heldAfter!({ op: 'release', resources: [1, 4] }, [0, 1, 2])).toEqual([0, 2]);
    expect(release.heldAfter!({ op: 'release', resources: 'all' }, [0, 1, 2])).toEqual([]);
  });
});
