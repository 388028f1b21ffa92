/** release: give back the named resources (or all); a room with a turnover stays busy for cleaning. */
import { nextStep, type Run, type StepRunner, type Verb } from './verb.js';

export interface ReleaseStep {
  op: 'release';
  resources: number[] | 'all';
}

class ReleaseRunner implements StepRunner<ReleaseStep> {
  constructor(private readonly r: Run) {}

  run(p: number, s: ReleaseStep, i: number): number {
    this.r.holdings.release(p, s.resources);
    return i + 1;
  }
}

export const release: Verb<ReleaseStep> = {
  op: 'release',
  create: (run) => new ReleaseRunner(run),
  next: nextStep,
  heldAfter: (s, held) => (s.resources === 'all' ? [] : held.filter((r) => !(s.resources as number[]).includes(r))),
};
