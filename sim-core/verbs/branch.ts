/** branch: go to one of several steps at random, with given probabilities (the rest: the next step). */
import { occurrenceNames, type Run, type StepRunner, type Verb } from './verb.js';
import type { RandomStream } from '../random/stream.js';

export interface BranchStep {
  op: 'branch';
  probabilities: number[];
  targets: number[];
}

class BranchRunner implements StepRunner<BranchStep> {
  private readonly rngs: (RandomStream | null)[][];

  constructor(private readonly r: Run) {
    // Each branch step draws from its own stream, "routing:<pathway>/branch" (then #2, #3).
    this.rngs = r.pathways.map((p) => {
      const names = occurrenceNames(p, (s) => (s.op === 'branch' ? 'branch' : null));
      return p.steps.map((s, i) => (s.op === 'branch' ? r.stream(`routing:${names[i]!}`) : null));
    });
  }

  run(p: number, s: BranchStep, i: number): number {
    return wayFor(s, i, this.rngs[this.r.patients.pathwayOf[p]!]![i]!.next());
  }
}

/** The way taken for a uniform draw u: the first target whose cumulative probability passes u, else the next step. */
function wayFor(s: BranchStep, i: number, u: number): number {
  for (let k = 0; k < s.probabilities.length; k++) {
    u -= s.probabilities[k]!;
    if (u < 0) return s.targets[k]!;
  }
  return i + 1;
}

export const branch: Verb<BranchStep> = {
  op: 'branch',
  create: (run) => new BranchRunner(run),
  next: (s, i) => [i + 1, ...s.targets],
  drawNext: wayFor,
};
