/**
 * split and join: a patient's branches (lab tests and imaging) run at the same
 * time and the pathway goes on when all are done (simmer's clone and
 * synchronize). The kernel lays a split out as
 *   i: split { branches: [start of each branch], after }
 *      branch 1's steps, join
 *      branch 2's steps, join …
 *   after: the pathway goes on
 * Each branch runs as a slot of its own for the same patient (its trace rows
 * and costs are the patient's); at its join it gives back what it still holds.
 * A branch that is turned away, cancelled or gives up waiting ends there (it is
 * counted so), and the patient goes on when the other branches are done.
 */
import { endBranch, startBranches } from './branches.js';
import { WAIT, type Run, type StepRunner, type Verb } from './verb.js';

export interface SplitStep {
  op: 'split';
  /** The step each branch starts at. */
  branches: number[];
  /** The step after the last branch's join, where the patient goes on. */
  after: number;
}

export interface JoinStep {
  op: 'join';
}

class SplitRunner implements StepRunner<SplitStep> {
  constructor(private readonly r: Run) {}

  run(p: number, s: SplitStep): number {
    startBranches(this.r, p, s.branches, s.after);
    return WAIT;
  }
}

class JoinRunner implements StepRunner<JoinStep> {
  constructor(private readonly r: Run) {}

  run(p: number): number {
    endBranch(this.r, p);
    return WAIT;
  }
}

export const split: Verb<SplitStep> = {
  op: 'split',
  create: (run) => new SplitRunner(run),
  // The patient itself goes nowhere: its branches run (`parallel`), and it goes on at `after` when all are done.
  next: () => [],
  parallel: (s) => ({ branches: s.branches, after: s.after }),
};
/** A branch's path ends at its join. */
export const join: Verb<JoinStep> = { op: 'join', create: (run) => new JoinRunner(run), next: () => [] };
