import { PRIORITY } from '../priorities.js';
import { gammaSample } from '../random/distributions/gamma-sampler.js';
import type { RandomStream } from '../random/stream.js';
import type { Simulation } from '../simulation.js';
import type { ArrivalSurge, ClassModel } from './model.js';

const DAY = 24 * 60;
const WEEK = 7 * DAY;

/** Who is told of each arriving patient: for list arrivals with the entry index (to apply its fixed attributes), else -1. */
export interface ArrivalSink {
  arrive(classIndex: number, entry: number): void;
}

/**
 * Starts the arrival process of one patient class. The handlers are this
 * class's methods, registered with the process as their target, so every
 * replication runs the same functions (see Simulation.register).
 */
/** `dayRng` draws each day's factor when the class's days vary (`dayToDayCv`), from a stream of its own. */
export function startArrivals(
  sim: Simulation,
  cls: ClassModel,
  classIndex: number,
  startMinuteOfWeek: number,
  rng: RandomStream,
  sink: ArrivalSink,
  dayRng: RandomStream | null = null,
): void {
  new ArrivalProcess(sim, cls, classIndex, startMinuteOfWeek, rng, sink, dayRng).start();
}

class ArrivalProcess {
  private readonly rates: number[] = [];
  private surges: readonly ArrivalSurge[] = [];
  private peak = 0;
  /** Candidates come at peak × dayFactor until dayEnd (Infinity: every day alike, factor 1). */
  private dayFactor = 1;
  private dayEnd = Infinity;
  private dayShape = 0;
  private dayKind = -1;
  private times: { at: number; entry: number; count: number }[] = [];
  private candidateKind = -1;
  private listedKind = -1;
  private weekKind = -1;

  constructor(
    private readonly sim: Simulation,
    private readonly cls: ClassModel,
    private readonly classIndex: number,
    private readonly startMinuteOfWeek: number,
    private readonly rng: RandomStream,
    private readonly sink: ArrivalSink,
    private readonly dayRng: RandomStream | null,
  ) {}

  start(): void {
    const a = this.cls.arrivals;
    if (a.type === 'weekly') {
      // Non-homogeneous Poisson by thinning (Lewis & Shedler 1979): candidates at the peak rate,
      // each kept with probability rate(t) / peak.
      this.rates.push(...a.ratePerMinute);
      this.surges = a.surges ?? [];
      // Candidates come at the highest rate there can be, the weekly peak times the surges' ceiling: a bound
      // of the scenario, not of this run's waves, so that every horizon draws the same candidates.
      this.peak = Math.max(...this.rates) * (a.surgeCeiling ?? 1 + this.surges.reduce((s, w) => s + w.extra, 0));
      if (!(this.peak > 0)) return;
      this.candidateKind = this.sim.register(`arrivals:${this.cls.name}`, this.onCandidate, this);
      if (a.dayToDayCv !== undefined && this.dayRng) {
        this.dayShape = 1 / (a.dayToDayCv * a.dayToDayCv);
        this.dayKind = this.sim.register(`arrivals-day:${this.cls.name}`, this.onDay, this);
        const intoDay = (((this.sim.now + this.startMinuteOfWeek) % DAY) + DAY) % DAY;
        this.dayEnd = this.sim.now + DAY - intoDay;
        this.dayFactor = this.drawDayFactor();
      }
      this.scheduleCandidate();
      return;
    }
    if (a.type === 'clinic') return; // a clinic's book runs by itself (clinic-arrivals.ts)
    if (a.type === 'dated') {
      // Each listed time once, in the run's own minutes: nothing drawn, nothing repeated.
      this.listedKind = this.sim.register(`arrivals:${this.cls.name}`, this.onListed, this);
      a.entries.forEach((e, i) => {
        if (e.at >= this.sim.now) this.sim.at(e.at, this.listedKind, i, e.count, PRIORITY.ARRIVAL);
      });
      return;
    }
    // Lists and appointment books repeat weekly: each week, schedule that week's times.
    this.times =
      a.type === 'list' ? a.entries.map((e, i) => ({ at: e.at, entry: i, count: e.count })) : a.slots.map((at) => ({ at, entry: -1, count: a.perSlot }));
    this.times.sort((x, y) => x.at - y.at || x.entry - y.entry);
    this.listedKind = this.sim.register(`arrivals:${this.cls.name}`, this.onListed, this);
    this.weekKind = this.sim.register(`arrivals-week:${this.cls.name}`, this.onWeek, this);
    this.sim.at(0, this.weekKind, 0, 0, PRIORITY.ARRIVAL);
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

  /** `n` patients of a list entry or an appointment slot (each booked patient may not show). */
  private onListed(entry: number, n: number): void {
    const a = this.cls.arrivals;
    for (let k = 0; k < n; k++) {
      if (a.type === 'appointments' && this.rng.next() < a.noShow) continue;
      this.sink.arrive(this.classIndex, entry);
    }
  }

  private onWeek(weekIndex: number): void {
    const weekStart = weekIndex * WEEK - this.startMinuteOfWeek;
    for (const t of this.times) {
      const at = weekStart + t.at;
      if (at >= this.sim.now) this.sim.at(at, this.listedKind, t.entry, t.count, PRIORITY.ARRIVAL);
    }
    this.sim.at(weekStart + WEEK, this.weekKind, weekIndex + 1, 0, PRIORITY.ARRIVAL);
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
