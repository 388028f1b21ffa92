/**
 * The bookkeeping of a split's branches: each branch is a slot of its own in
 * the PatientTable for the same patient (its parent); the parent waits at its
 * split with the count of branches still running and goes on at the split's
 * `after` when the last one ends (at its join, or turned away, cancelled or
 * given up: such a branch ends, not the patient).
 */
import type { ExitKind } from '../hospital/trace-words.js';
import type { Run } from './verb.js';

/** The patient at step `split` starts its branches, each at its first step; it goes on at `after` when all are done. */
export function startBranches(r: Run, p: number, branches: readonly number[], after: number): void {
  const pt = r.patients;
  pt.branchesLeft[p] = branches.length;
  pt.joinAt[p] = after;
  for (let b = 0; b < branches.length; b++) {
    const start = branches[b]!;
    r.proceed(pt.takeBranch(p, start), start);
  }
}

/** Whether slot `p` is a branch of a split (not a patient in its own right). */
export function isBranch(r: Run, p: number): boolean {
  return r.patients.parentOf[p]! >= 0;
}

/** A branch ends at its join: it gives back what it holds; the last one lets its patient go on. */
export function endBranch(r: Run, branch: number): void {
  r.holdings.release(branch, 'all');
  closeBranch(r, branch);
}

/**
 * A branch that could not go on (turned away, cancelled, gave up) or met a leave
 * step ends there, not the patient: it gives back what it holds and says how it
 * ended (the trace's only sign of it), before its patient may go on.
 */
export function abandonBranch(r: Run, branch: number, how: ExitKind): void {
  r.holdings.release(branch, 'all');
  r.observe.branchEnded(branch, how);
  closeBranch(r, branch);
}

function closeBranch(r: Run, branch: number): void {
  const pt = r.patients;
  const parent = pt.parentOf[branch]!;
  pt.free(branch);
  if (--pt.branchesLeft[parent]! === 0) r.proceed(parent, pt.joinAt[parent]!);
}

/**
 * A patient placed before time 0 with a branch running at `step` (of the split
 * it waits at, whose branches end at `after`): one more branch to wait for.
 * Returns the branch's slot; it is started as any placed patient.
 */
export function placeBranch(r: Run, parent: number, step: number, after: number): number {
  const pt = r.patients;
  pt.branchesLeft[parent]!++;
  pt.joinAt[parent] = after;
  return pt.takeBranch(parent, step);
}
