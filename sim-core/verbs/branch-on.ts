/** branchOn: go to the step for the patient's value of an attribute (else `otherwise`). */
import type { Run, StepRunner, Verb } from './verb.js';

export interface BranchOnStep {
  op: 'branchOn';
  attribute: number;
  targetByValue: number[];
  otherwise: number;
}

class BranchOnRunner implements StepRunner<BranchOnStep> {
  constructor(private readonly r: Run) {}

  run(p: number, s: BranchOnStep): number {
    const v = this.r.patients.attribute(p, s.attribute);
    return v >= 0 && s.targetByValue[v]! >= 0 ? s.targetByValue[v]! : s.otherwise;
  }
}

export const branchOn: Verb<BranchOnStep> = {
  op: 'branchOn',
  create: (run) => new BranchOnRunner(run),
  next(s, _i, attributeValue) {
    const v = attributeValue(s.attribute);
    if (v < 0) return [s.otherwise, ...s.targetByValue.filter((t) => t >= 0)];
    return [(s.targetByValue[v] ?? -1) >= 0 ? s.targetByValue[v]! : s.otherwise];
  },
};
