/**
 * useShared: the booking of a shared device at another site (the steps after
 * it take the patient there, through the device and back). Booked first come,
 * the patient goes on at once and queues at the device with everyone else; with
 * slots reserved per site per week, it takes one of its site's slots for this
 * calendar week (Monday 00:00 to Monday 00:00) or, when they are all taken,
 * waits for next week's, in the order the patients asked.
 */
import { PRIORITY } from '../priorities.js';
import { nextStep, WAIT, type Run, type StepRunner, type Verb } from './verb.js';

const WEEK = 7 * 1440;

export interface UseSharedStep {
  op: 'useShared';
  /** The service's id (the network's). */
  service: string;
  /** The site that owns the device and the one whose patient uses it. */
  owner: string;
  user: string;
  /** What the owner charges the user site per use. */
  pricePerUse: number;
  /** Uses the user site may book per week; Infinity: first come. */
  slotsPerWeek: number;
  /** The trace's activity while the patient waits for a week with a slot. */
  waitActivity: string;
  /** The activity of the use itself (the exam at the device): what the shared-use observer counts. */
  useActivity: string;
}

class UseSharedRunner implements StepRunner<UseSharedStep> {
  /** Slots taken in the current week, by "<service> <user site>", and that week's number. */
  private readonly booked = new Map<string, { week: number; taken: number }>();
  private readonly retryKind: number;
  private readonly startMinuteOfWeek: number;

  constructor(private readonly r: Run) {
    this.startMinuteOfWeek = r.model.startMinuteOfWeek;
    this.retryKind = r.sim.register('shared-slot-retry', this.onRetry, this);
  }

  run(p: number, s: UseSharedStep, i: number): number {
    if (s.slotsPerWeek === Infinity || this.take(s)) return i + 1;
    this.r.observe.started(p, s.waitActivity);
    this.waitForNextWeek(p);
    return WAIT;
  }

  /** Takes one of this week's slots of the step's site, if one is left. */
  private take(s: UseSharedStep): boolean {
    const week = Math.floor((this.r.sim.now + this.startMinuteOfWeek) / WEEK);
    const key = `${s.service} ${s.user}`;
    let b = this.booked.get(key);
    if (b === undefined) this.booked.set(key, (b = { week, taken: 0 }));
    if (b.week !== week) {
      b.week = week;
      b.taken = 0;
    }
    if (b.taken >= s.slotsPerWeek) return false;
    b.taken++;
    return true;
  }

  private waitForNextWeek(p: number): void {
    const minuteOfWeek = (this.r.sim.now + this.startMinuteOfWeek) % WEEK;
    this.r.sim.schedule(WEEK - minuteOfWeek, this.retryKind, p, 0, PRIORITY.RELEASE);
  }

  private onRetry(p: number): void {
    const pt = this.r.patients;
    const i = pt.step[p]!;
    const s = this.r.pathways[pt.pathwayOf[p]!]!.steps[i] as UseSharedStep;
    // A week with no slot at all for the site (0 reserved) would never come: the scenario's check refuses that.
    if (!this.take(s)) return this.waitForNextWeek(p);
    this.r.observe.finished(p, s.waitActivity);
    this.r.proceed(p, i + 1);
  }
}

export const useShared: Verb<UseSharedStep> = {
  op: 'useShared',
  create: (run) => new UseSharedRunner(run),
  next: nextStep,
  // A patient waiting for a week with a free slot stands here, in a timed step named by its activity.
  standing: { kind: 'activity', activity: (s) => s.waitActivity, names: (s) => [s.waitActivity], passable: true },
};
