/** goto: jump to a labelled step. */
import type { StepRunner, Verb } from './verb.js';

export interface GotoStep {
  op: 'goto';
  target: number;
}

class GotoRunner implements StepRunner<GotoStep> {
  run(_p: number, s: GotoStep): number {
    return s.target;
  }
}

export const goto: Verb<GotoStep> = { op: 'goto', create: () => new GotoRunner(), next: (s) => [s.target] };
