/**
 * waitUntil: hold a patient until a clock time of day (discharge after the
 * 11:00 ward round, a morning list), on the days allowed; a patient already
 * there at that minute goes on at once. It keeps what it holds meanwhile.
 */
import { PRIORITY } from '../priorities.js';
import { nextStep, WAIT, type Run, type StepRunner, type Verb } from './verb.js';

const DAY = 1440;
const WEEK = 7 * DAY;

export interface WaitUntilStep {
  op: 'waitUntil';
  /** The clock time waited for, in minutes after midnight (0 to 1439). */
  minuteOfDay: number;
  /** Per weekday (0 = Monday): whether that day's time counts. */
  onDay: boolean[];
  /** What the trace's start and finish rows name ("until 11:00"). */
  activity: string;
}

class WaitUntilRunner implements StepRunner<WaitUntilStep> {
  private readonly endKind: number;
  /** Time 0's minute of the week: the clock is minutes from the scenario's start, a calendar date and time. */
  private readonly startMinuteOfWeek: number;

  constructor(private readonly r: Run) {
    this.startMinuteOfWeek = r.model.startMinuteOfWeek;
    this.endKind = r.sim.register('wait-until-end', this.onEnd, this);
  }

  run(p: number, s: WaitUntilStep): number {
    return this.wait(p, s, this.r.sim.now);
  }

  /** A placed patient has waited since `since`: it goes on at the first such time after that (now, if that has passed). */
  resume(p: number, s: WaitUntilStep, _i: number, since: number): number {
    return this.wait(p, s, since);
  }

  private wait(p: number, s: WaitUntilStep, from: number): number {
    const now = this.r.sim.now;
    const at = this.firstAtOrAfter(s, from);
    this.r.observe.started(p, s.activity);
    this.r.sim.schedule(Math.max(0, at - now), this.endKind, p, 0, PRIORITY.RELEASE);
    return WAIT;
  }

  /** The first time >= t (minutes from time 0) at the step's minute of the day on an allowed day; Infinity if no day is. */
  private firstAtOrAfter(s: WaitUntilStep, t: number): number {
    const minuteOfWeek = (((t + this.startMinuteOfWeek) % WEEK) + WEEK) % WEEK;
    const dayOfWeek = Math.floor(minuteOfWeek / DAY);
    const midnight = t - (minuteOfWeek - dayOfWeek * DAY);
    for (let d = 0; d <= 7; d++) {
      const at = midnight + d * DAY + s.minuteOfDay;
      if (at >= t && s.onDay[(dayOfWeek + d) % 7]) return at;
    }
    return Infinity;
  }

  private onEnd(p: number): void {
    const pt = this.r.patients;
    const i = pt.step[p]!;
    this.r.observe.finished(p, (this.r.pathways[pt.pathwayOf[p]!]!.steps[i] as WaitUntilStep).activity);
    this.r.proceed(p, i + 1);
  }
}

export const waitUntil: Verb<WaitUntilStep> = {
  op: 'waitUntil',
  create: (run) => new WaitUntilRunner(run),
  next: nextStep,
  // A patient waiting for the clock time stands here, in a timed step named by its activity.
  standing: { kind: 'activity', activity: (s) => s.activity, names: (s) => [s.activity] },
};
