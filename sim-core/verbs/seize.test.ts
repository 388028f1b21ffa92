import { describe, expect, it } from 'vitest';
import type { StepModel } from '../index.js';
import { holdFor, runTiny, seizeOf, tinyModel } from './test-model.js';
import { seize, type SeizeStep } from './seize.js';

/** Seize the doctor (resource 0), see it for 30 minutes, give it back. */
const visit = (seize: StepModel = seizeOf([0])): StepModel[] => [seize, holdFor(30, 'visit'), { op: 'release', resources: [0] }];

describe('seize: wait for resources, in line by priority, or give up', () => {
  it('makes the second of two patients for one doctor wait exactly the first one’s visit', () => {
    const { patients, figures } = runTiny(tinyModel({ resources: ['doctor'], arrivals: [0, 0], steps: visit() }));
    expect(patients.map((p) => p.seized)).toEqual([[['doctor', 0]], [['doctor', 30]]]);
    expect(patients.map((p) => p.left?.at)).toEqual([30, 60]);
    // Waits of 0 and 30 minutes at the step.
    expect(figures['wait.queue.mean']).toBe(15);
  });

  it('lets two patients in at once with two doctors', () => {
    const { patients } = runTiny(tinyModel({ resources: [{ name: 'doctor', capacity: 2 }], arrivals: [0, 0], steps: visit() }));
    expect(patients.map((p) => p.left?.at)).toEqual([30, 30]);
  });

  it('takes a set of resources all at once: a free nurse is not held while the scanner is busy', () => {
    const model = tinyModel({
      resources: [{ name: 'nurse', capacity: 2 }, 'scanner'],
      arrivals: [0, 0],
      steps: [seizeOf([0, 1]), holdFor(30, 'scan'), { op: 'release', resources: 'all' }],
    });
    const second = runTiny(model).patients[1]!;
    expect(second.seized).toEqual([
      ['nurse', 30],
      ['scanner', 30],
    ]);
    expect(second.left?.at).toBe(60);
  });

  it('serves a waiting patient of higher priority first, then first come first served', () => {
    // The doctor is busy 0–30; a routine patient arrives at 1, an urgent one at 2.
    const urgentFirst = seizeOf([0], { priority: { attribute: 0, byValue: [0, 5], otherwise: 0 } });
    const model = tinyModel({
      resources: ['doctor'],
      attributes: [{ name: 'acuity', values: ['routine', 'urgent'] }],
      arrivals: [
        { at: 0, attributes: [0] },
        { at: 1, attributes: [0] },
        { at: 2, attributes: [1] },
      ],
      steps: visit(urgentFirst),
    });
    expect(runTiny(model).patients.map((p) => p.seized[0]![1])).toEqual([0, 60, 30]);
  });

  it('lets a patient who waited maxWait leave unseen at exactly that minute, holding nothing', () => {
    const model = tinyModel({ resources: ['doctor'], arrivals: [0, 5], steps: visit(seizeOf([0], { maxWait: 10, onTimeout: 'leftUnseen' })) });
    const { patients, figures } = runTiny(model);
    expect(patients[1]!.left).toEqual({ at: 15, how: 'left-unseen' });
    expect(patients[1]!.seized).toEqual([]);
    expect(figures['wait.queue.mean']).toBe(5);
  });

  it('cancels the case of a patient who waited maxWait when the step says so', () => {
    const model = tinyModel({ resources: ['theatre'], arrivals: [0, 0], steps: visit(seizeOf([0], { maxWait: 10, onTimeout: 'cancelled' })) });
    const { patients, figures } = runTiny(model);
    expect(patients[1]!.left).toEqual({ at: 10, how: 'cancelled' });
    expect(figures['cancellations.patient']).toBe(1);
  });

  it('does not make a patient served before maxWait give up later', () => {
    const model = tinyModel({ resources: ['doctor'], arrivals: [0, 0], steps: visit(seizeOf([0], { maxWait: 45, onTimeout: 'leftUnseen' })) });
    expect(runTiny(model).patients[1]!.left).toEqual({ at: 60, how: 'leave' });
  });

  it('turns a patient away when the line is full', () => {
    const model = tinyModel({ resources: [{ name: 'doctor', queueCapacity: 1 }], arrivals: [0, 0, 0], steps: visit() });
    const { patients, figures } = runTiny(model);
    expect(patients.map((p) => p.left)).toEqual([
      { at: 30, how: 'leave' },
      { at: 60, how: 'leave' },
      { at: 0, how: 'turned-away' },
    ]);
    expect(figures['refused.doctor']).toBe(1);
  });

  it('takes one of several (oneOf): the first free, else the shortest line', () => {
    const model = tinyModel({
      resources: ['room A', 'room B'],
      arrivals: [0, 0, 0],
      steps: [seizeOf([0, 1], { oneOf: true }), holdFor(30, 'exam'), { op: 'release', resources: 'all' }],
    });
    expect(runTiny(model).patients.map((p) => p.seized)).toEqual([[['room A', 0]], [['room B', 0]], [['room A', 30]]]);
  });

  it('holds what it seized after the step, beside what was held (for paths drawn ahead of a run)', () => {
    expect(seize.heldAfter!(seizeOf([2, 0]) as SeizeStep, [0, 5])).toEqual([0, 5, 2]);
    // A oneOf takes one of its rooms, which cannot be told ahead: the path counts it as in any.
    expect(seize.heldAfter!(seizeOf([1, 3], { oneOf: true }) as SeizeStep, [])).toEqual([1, 3]);
  });
});
