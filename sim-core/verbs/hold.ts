/** hold: a timed activity; the patient keeps what it holds and goes on when the time is up. */
import { PRIORITY } from '../priorities.js';
import { durationSampler, type DurationModel, type DurationSampler } from './hold-duration.js';
import { occurrenceNames, WAIT, type Run, type StepRunner, type Verb } from './verb.js';

export type { DurationModel } from './hold-duration.js';

export interface HoldStep {
  op: 'hold';
  activity: string;
  duration: DurationModel;
}

class HoldRunner implements StepRunner<HoldStep> {
  private readonly samplers: (DurationSampler | null)[][];
  private readonly endKind: number;

  constructor(private readonly r: Run) {
    // Each hold step draws from its own stream, "hold:<pathway>/<activity>" (then #2, #3 for repeats).
    this.samplers = r.pathways.map((p) => {
      const names = occurrenceNames(p, (s) => (s.op === 'hold' ? (s as HoldStep).activity : null));
      return p.steps.map((s, i) => (s.op === 'hold' ? durationSampler((s as HoldStep).duration, r.stream(`hold:${names[i]!}`)) : null));
    });
    this.endKind = r.sim.register('hold-end', this.onEnd, this);
  }

  run(p: number, s: HoldStep, i: number): number {
    const pt = this.r.patients;
    const d = this.samplers[pt.pathwayOf[p]!]![i]!.sample(pt.attrs, pt.attributeCount, p);
    this.r.observe.started(p, s.activity);
    this.r.sim.schedule(d, this.endKind, p, 0, PRIORITY.RELEASE);
    return WAIT;
  }

  /** A placed patient has been at it since `since`: the time still to run, given the time spent. */
  resume(p: number, s: HoldStep, i: number, since: number): number {
    const pt = this.r.patients;
    const d = this.samplers[pt.pathwayOf[p]!]![i]!.remaining(pt.attrs, pt.attributeCount, p, this.r.sim.now - since);
    this.r.observe.started(p, s.activity);
    this.r.sim.schedule(d, this.endKind, p, 0, PRIORITY.RELEASE);
    return WAIT;
  }

  private onEnd(p: number): void {
    const pt = this.r.patients;
    const i = pt.step[p]!;
    this.r.observe.finished(p, (this.r.pathways[pt.pathwayOf[p]!]!.steps[i] as HoldStep).activity);
    this.r.proceed(p, i + 1);
  }
}

export const hold: Verb<HoldStep> = { op: 'hold', create: (run) => new HoldRunner(run) };
