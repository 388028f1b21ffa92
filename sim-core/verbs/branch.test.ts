import { describe, expect, it } from 'vitest';
import type { StepModel } from '../index.js';
import { holdFor, runTiny, tinyModel } from './test-model.js';
import { branch } from './branch.js';

/** Branch to step 3 (an X-ray) with probability p; the rest go on to step 1 (a dressing) and leave. */
function xrayWith(p: number): StepModel[] {
  return [{ op: 'branch', probabilities: [p], targets: [3] }, holdFor(10, 'dressing'), { op: 'leave' }, holdFor(20, 'x-ray')];
}

const activitiesOf = (p: number) => runTiny(tinyModel({ arrivals: [0, 0, 0], steps: xrayWith(p) })).patients.map((x) => x.activities.map((a) => a[0]));

describe('branch: go one way or another at random', () => {
  it('sends every patient to the target of probability 1', () => {
    expect(activitiesOf(1)).toEqual([['x-ray'], ['x-ray'], ['x-ray']]);
  });

  it('sends every patient on to the next step when the targets’ probabilities are 0', () => {
    expect(activitiesOf(0)).toEqual([['dressing'], ['dressing'], ['dressing']]);
  });

  it('picks among several targets by their probabilities, the rest going on', () => {
    // 0.5 to the X-ray, 0.5 to a plaster at step 4: none goes on to the dressing.
    const steps: StepModel[] = [...xrayWith(0.5), { op: 'leave' }, holdFor(40, 'plaster')];
    steps[0] = { op: 'branch', probabilities: [0.5, 0.5], targets: [3, 5] };
    const arrivals = Array.from({ length: 200 }, () => 0);
    const seen = runTiny(tinyModel({ arrivals, steps })).patients.map((p) => p.activities[0]![0]);
    const xrays = seen.filter((a) => a === 'x-ray').length;
    expect(seen.filter((a) => a === 'dressing')).toEqual([]);
    // Binomial(200, 0.5): sd 7.1, so 100 ± 35 is five sd wide.
    expect(xrays).toBeGreaterThan(65);
    expect(xrays).toBeLessThan(135);
  });

  it('draws the way ahead of a run as a run does: below the cumulative probability the target, else the next step', () => {
    const step = { op: 'branch' as const, probabilities: [0.3, 0.2], targets: [5, 7] };
    expect([0, 0.29, 0.3, 0.49, 0.5, 0.99].map((u) => branch.drawNext!(step, 2, u))).toEqual([5, 5, 7, 7, 3, 3]);
  });
});
