/**
 * `weekly` arrivals: a non-homogeneous Poisson process whose rate follows the
 * hour of the week, raised by yearly surges, and (with `dayToDayCv`) times a
 * factor drawn for each calendar day.
 */
import { PRIORITY } from '../../priorities.js';
import { gammaSample } from '../../random/distributions/gamma-sampler.js';
import type { RandomStream } from '../../random/stream.js';
import type { Simulation } from '../../simulation.js';
import type { ArrivalSink } from './repeating.js';
import { defineArrivalKind } from './kind.js';

const DAY = 24 * 60;
const WEEK = 7 * DAY;

/**
 * A wave of extra arrivals (a flu season): at minute `center` of the run the rate is 1 + `extra` times the
 * usual, falling to the usual along a raised cosine at `center` ± `halfWidth` minutes.
 */
export interface ArrivalSurge {
  center: number;
  halfWidth: number;
  extra: number;
}

/**
 * Non-homogeneous Poisson: patients per minute for each hour of the week (Monday 00:00 first), times
 * 1 + the surges' extra at that time (none: exactly the weekly rate).
 */
export interface WeeklyArrivalModel {
  type: 'weekly';
  ratePerMinute: number[];
  surges?: ArrivalSurge[];
  /**
   * The most 1 + the surges' extra can reach at any instant of any run of this scenario, whatever its
   * horizon (default: 1 + every listed surge's extra). Candidates are thinned under the weekly peak
   * times this, so it must not depend on how many waves the horizon touches: if it did, a longer run
   * would draw different arrivals in its first days.
   */
  surgeCeiling?: number;
  /** Each calendar day's rate times a gamma factor of mean 1 and this coefficient of variation (none: exactly Poisson). */
  dayToDayCv?: number;
}

export const weekly = defineArrivalKind<WeeklyArrivalModel>({
  start(host, cls, classIndex, startMinuteOfWeek) {
    // Busy and quiet days draw from a stream of their own: turning them on shifts no other stream.
    const dayRng = cls.arrivals.dayToDayCv !== undefined ? host.stream(`arrivals-days:${cls.name}`) : null;
    new WeeklyProcess(host.sim, cls.name, cls.arrivals, classIndex, startMinuteOfWeek, host.stream(`arrivals:${cls.name}`), host, dayRng).start();
  },
});

/** Non-homogeneous Poisson by thinning (Lewis & Shedler 1979): candidates at the peak rate, each kept with probability rate(t) / peak. */
class WeeklyProcess {
  private readonly rates: number[];
  private readonly surges: readonly ArrivalSurge[];
  private readonly peak: number;
  /** Candidates come at peak × dayFactor until dayEnd (Infinity: every day alike, factor 1). */
  private dayFactor = 1;
  private dayEnd = Infinity;
  private dayShape = 0;
  private dayKind = -1;
  private candidateKind = -1;

  constructor(
    private readonly sim: Simulation,
    private readonly name: string,
    private readonly a: WeeklyArrivalModel,
    private readonly classIndex: number,
    private readonly startMinuteOfWeek: number,
    private readonly rng: RandomStream,
    private readonly sink: ArrivalSink,
    private readonly dayRng: RandomStream | null,
  ) {
    this.rates = [...a.ratePerMinute];
    this.surges = a.surges ?? [];
    // Candidates come at the highest rate there can be, the weekly peak times the surges' ceiling: a bound
    // of the scenario, not of this run's waves, so that every horizon draws the same candidates.
    this.peak = Math.max(...this.rates) * (a.surgeCeiling ?? 1 + this.surges.reduce((s, w) => s + w.extra, 0));
  }

  start(): void {
    if (!(this.peak > 0)) return;
    this.candidateKind = this.sim.register(`arrivals:${this.name}`, this.onCandidate, this);
    if (this.a.dayToDayCv !== undefined && this.dayRng) {
      this.dayShape = 1 / (this.a.dayToDayCv * this.a.dayToDayCv);
      this.dayKind = this.sim.register(`arrivals-day:${this.name}`, this.onDay, this);
      const intoDay = (((this.sim.now + this.startMinuteOfWeek) % DAY) + DAY) % DAY;
      this.dayEnd = this.sim.now + DAY - intoDay;
      this.dayFactor = this.drawDayFactor();
    }
    this.scheduleCandidate();
  }

  /** A candidate of the thinned Poisson process: kept with probability rate(now) / peak. */
  private onCandidate(): void {
    const hour = Math.floor(((((this.sim.now + this.startMinuteOfWeek) % WEEK) + WEEK) % WEEK) / 60);
    const rate = this.surges.length === 0 ? this.rates[hour]! : this.rates[hour]! * surgeFactor(this.surges, this.sim.now);
    if (this.rng.next() * this.peak < rate) this.sink.arrive(this.classIndex, -1);
    this.scheduleCandidate();
  }

  /**
   * The next candidate at the day's rate, peak × dayFactor. One that would fall after midnight is not
   * drawn at this day's rate: the process restarts at midnight at the next day's (exact, by memorylessness).
   */
  private scheduleCandidate(): void {
    const dt = -Math.log(1 - this.rng.next()) / (this.peak * this.dayFactor);
    if (this.sim.now + dt < this.dayEnd) this.sim.schedule(dt, this.candidateKind, 0, 0, PRIORITY.ARRIVAL);
    else this.sim.at(this.dayEnd, this.dayKind, 0, 0, PRIORITY.ARRIVAL);
  }

  /** Midnight: a new day's factor. */
  private onDay(): void {
    this.dayEnd += DAY;
    this.dayFactor = this.drawDayFactor();
    this.scheduleCandidate();
  }

  /** Gamma with mean 1 and the class's coefficient of variation. */
  private drawDayFactor(): number {
    return gammaSample(this.dayRng!, this.dayShape) / this.dayShape;
  }
}

/** 1 + the extra of every surge under way at minute `t` (a raised cosine about each centre). */
export function surgeFactor(surges: readonly ArrivalSurge[], t: number): number {
  let factor = 1;
  for (const w of surges) {
    const x = (t - w.center) / w.halfWidth;
    if (x > -1 && x < 1) factor += w.extra * 0.5 * (1 + Math.cos(Math.PI * x));
  }
  return factor;
}
