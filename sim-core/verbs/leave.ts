/** leave: the patient's pathway ends here (as it does after its last step). */
import { WAIT, type Run, type StepRunner, type Verb } from './verb.js';

export interface LeaveStep {
  op: 'leave';
}

class LeaveRunner implements StepRunner<LeaveStep> {
  constructor(private readonly r: Run) {}

  run(p: number): number {
    this.r.exit(p, 'leave', true);
    return WAIT;
  }
}

export const leave: Verb<LeaveStep> = { op: 'leave', create: (run) => new LeaveRunner(run), next: () => [] };
