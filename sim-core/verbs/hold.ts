/** hold: a timed activity; the patient keeps what it holds and goes on when the time is up. */
import { PRIORITY } from '../priorities.js';
import { durationSampler, type DurationModel, type DurationSampler } from './hold-duration.js';
import { nextStep, occurrenceNames, WAIT, type Run, type StepRunner, type Verb } from './verb.js';

export type { DurationModel } from './hold-duration.js';

export interface HoldStep {
  op: 'hold';
  activity: string;
  duration: DurationModel;
  /**
   * A ward stay with outlying: a patient whose bed is in any ward of `wards`
   * but the first (its own) stays `factor` times the length drawn.
   */
  outlied?: { wards: readonly number[]; factor: number };
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
    let d = this.samplers[pt.pathwayOf[p]!]![i]!.sample(pt.attrs, pt.attributeCount, p);
    if (s.outlied !== undefined && this.isOutlied(p, s.outlied.wards)) d *= s.outlied.factor;
    this.r.observe.started(p, s.activity);
    this.r.sim.schedule(d, this.endKind, p, 0, PRIORITY.RELEASE);
    return WAIT;
  }

  /** A placed patient has been at it since `since`: the time still to run, given the time spent. */
  resume(p: number, s: HoldStep, i: number, since: number): number {
    const pt = this.r.patients;
    const sampler = this.samplers[pt.pathwayOf[p]!]![i]!;
    const elapsed = this.r.sim.now - since;
    // An outlier's stay is factor × X: the time left after e is factor × (X's time left after e / factor).
    const f = s.outlied !== undefined && this.isOutlied(p, s.outlied.wards) ? s.outlied.factor : 1;
    const d = f === 1 ? sampler.remaining(pt.attrs, pt.attributeCount, p, elapsed) : f * sampler.remaining(pt.attrs, pt.attributeCount, p, elapsed / f);
    this.r.observe.started(p, s.activity);
    this.r.sim.schedule(d, this.endKind, p, 0, PRIORITY.RELEASE);
    return WAIT;
  }

  /** Whether the bed of this stay (the latest claim on one of `wards`) is in another ward than the first. */
  private isOutlied(p: number, wards: readonly number[]): boolean {
    const claims = this.r.patients.held[p]!;
    for (let c = claims.length - 1; c >= 0; c--) {
      const set = this.r.book.resourcesOf(claims[c]!);
      for (let k = 0; k < set.length; k++) if (wards.includes(set[k]!.id)) return set[k]!.id !== wards[0];
    }
    return false;
  }

  private onEnd(p: number): void {
    const pt = this.r.patients;
    const i = pt.step[p]!;
    this.r.observe.finished(p, (this.r.pathways[pt.pathwayOf[p]!]!.steps[i] as HoldStep).activity);
    this.r.proceed(p, i + 1);
  }
}

/** A ward stay's activity is "stay:<ward>": a person calls it by the ward. */
const STAY_PREFIX = 'stay:';

export const hold: Verb<HoldStep> = {
  op: 'hold',
  create: (run) => new HoldRunner(run),
  next: nextStep,
  duration(s, attributeValue) {
    const d = s.duration;
    if (d.kind === 'fixed') return d.distribution;
    const v = attributeValue(d.attribute);
    return (v >= 0 ? d.byValue[v] : null) ?? d.otherwise;
  },
  standing: {
    kind: 'activity',
    activity: (s) => s.activity,
    names: (s) => (s.activity.startsWith(STAY_PREFIX) ? [s.activity.slice(STAY_PREFIX.length), s.activity] : [s.activity]),
  },
};
