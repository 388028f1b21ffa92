import { describe, expect, it } from 'vitest';
import type { StepModel } from '../index.js';
import { holdFor, runTiny, seizeOf, tinyModel } from './test-model.js';

/**
 * A blood test (10 minutes at the lab, resource 0) and a CT scan (30 minutes at
 * the scanner, resource 1) at the same time, then a 5-minute review:
 *   0 split, 1-3 lab branch, 4-6 CT branch, 7 review.
 */
function workup(lab: StepModel = seizeOf([0])): StepModel[] {
  return [
    { op: 'split', branches: [1, 4], after: 7 },
    lab,
    holdFor(10, 'blood test'),
    { op: 'join' },
    seizeOf([1]),
    holdFor(30, 'CT scan'),
    { op: 'join' },
    holdFor(5, 'review'),
  ];
}

describe('split and join: branches at the same time, the pathway goes on when all are done', () => {
  it('runs the branches in parallel and joins when the longest ends', () => {
    const { patients } = runTiny(tinyModel({ resources: ['lab', 'scanner'], arrivals: [60], steps: workup() }));
    expect(patients[0]!.activities).toEqual([
      ['blood test', 60, 70],
      ['CT scan', 60, 90],
      ['review', 90, 95],
    ]);
    expect(patients[0]!.left).toEqual({ at: 95, how: 'leave' });
  });

  it('gives back what a branch holds at its join, before the other branches end', () => {
    const { patients } = runTiny(tinyModel({ resources: ['lab', 'scanner'], arrivals: [0, 0], steps: workup() }));
    const [first, second] = patients;
    expect(first!.released).toEqual([
      ['lab', 10],
      ['scanner', 30],
    ]);
    // The second patient's blood test waits 10 minutes, its scan 30: it joins at 60.
    expect(second!.activities).toEqual([
      ['blood test', 10, 20],
      ['CT scan', 30, 60],
      ['review', 60, 65],
    ]);
  });

  it('lets the patient go on when a branch gives up, once the other branches are done', () => {
    // The lab is shut (no units) and its branch gives up after 15 minutes; the scan still runs to 30.
    const model = tinyModel({
      resources: [{ name: 'lab', capacity: 0 }, 'scanner'],
      arrivals: [0],
      steps: workup(seizeOf([0], { maxWait: 15, onTimeout: 'cancelled' })),
    });
    const { patients, figures } = runTiny(model);
    expect(patients[0]!.activities).toEqual([
      ['CT scan', 0, 30],
      ['review', 30, 35],
    ]);
    expect(patients[0]!.left).toEqual({ at: 35, how: 'leave' });
    // The branch that gave up is counted as a cancellation; the patient is not.
    expect(figures['cancellations.patient']).toBe(1);
    expect(figures['throughput.patient']).toBe(1);
  });

  it('traces the end of a branch that gives up, at that minute, as a branch end and not an exit', () => {
    const model = tinyModel({
      resources: [{ name: 'lab', capacity: 0 }, 'scanner'],
      arrivals: [0],
      steps: workup(seizeOf([0], { maxWait: 15, onTimeout: 'cancelled' })),
    });
    const { patients } = runTiny(model);
    const rows = patients[0]!.rows;
    expect(rows).toContain('15 branch-end:cancelled patient');
    // One exit row, the patient's own at the end; the branch's end comes after its wait and before the join.
    expect(rows.filter((r) => / (leave|cancelled|left-unseen|turned-away) /.test(r))).toEqual(['35 leave patient']);
    expect(rows.indexOf('15 branch-end:cancelled patient')).toBeGreaterThan(rows.indexOf('0 request lab'));
    expect(rows.indexOf('15 branch-end:cancelled patient')).toBeLessThan(rows.indexOf('30 finish CT scan'));
  });

  it('traces a branch turned away at a full line, and one that leaves unseen, each by how it ended', () => {
    const turned = runTiny(tinyModel({ resources: [{ name: 'lab', capacity: 0, queueCapacity: 0 }, 'scanner'], arrivals: [0], steps: workup() })).patients[0]!;
    expect(turned.rows).toContain('0 branch-end:turned-away patient');
    const unseen = runTiny(tinyModel({ resources: [{ name: 'lab', capacity: 0 }, 'scanner'], arrivals: [0], steps: workup(seizeOf([0], { maxWait: 20 })) }))
      .patients[0]!;
    expect(unseen.rows).toContain('20 branch-end:left-unseen patient');
    expect(unseen.left).toEqual({ at: 35, how: 'leave' });
  });
});
