import { describe, expect, it } from 'vitest';
import { holdFor, runTiny, tinyModel } from './test-model.js';

describe('branchOn: go where the patient’s attribute says', () => {
  it('sends each patient to the step for its value, and a value with no step to `otherwise`', () => {
    const model = tinyModel({
      attributes: [{ name: 'acuity', values: ['minor', 'major', 'resus'] }],
      arrivals: [
        { at: 0, attributes: [0] },
        { at: 0, attributes: [1] },
        { at: 0, attributes: [2] },
      ],
      steps: [
        // major: step 3; resus: step 5; minor (-1): otherwise, step 1.
        { op: 'branchOn', attribute: 0, targetByValue: [-1, 3, 5], otherwise: 1 },
        holdFor(10, 'minors'),
        { op: 'leave' },
        holdFor(60, 'majors'),
        { op: 'leave' },
        holdFor(90, 'resus'),
      ],
    });
    expect(runTiny(model).patients.map((p) => [p.activities.map((a) => a[0]), p.left?.at])).toEqual([
      [['minors'], 10],
      [['majors'], 60],
      [['resus'], 90],
    ]);
  });
});
