/**
 * What list and appointment arrivals share: minutes of the week that repeat
 * every week, each with a number of patients. Each week's times are scheduled
 * at the week's start; the kind (a subclass) decides who of them comes. The
 * handlers are the class's methods, registered with the process as their
 * target, so every replication runs the same functions (see Simulation.register).
 */
import { PRIORITY } from '../../priorities.js';
import type { Simulation } from '../../simulation.js';

const WEEK = 7 * 24 * 60;

/** Who is told of each arriving patient: with the list entry's index (to apply its fixed attributes), else -1. */
export interface ArrivalSink {
  arrive(classIndex: number, entry: number): void;
}

export interface WeeklyTime {
  /** Minute of the week. */
  at: number;
  /** The list entry (-1: none). */
  entry: number;
  count: number;
}

export abstract class WeeklyRepeat {
  private readonly times: WeeklyTime[];
  private listedKind = -1;
  private weekKind = -1;

  constructor(
    protected readonly sim: Simulation,
    private readonly name: string,
    private readonly startMinuteOfWeek: number,
    times: readonly WeeklyTime[],
  ) {
    this.times = [...times].sort((x, y) => x.at - y.at || x.entry - y.entry);
  }

  start(): void {
    this.listedKind = this.sim.register(`arrivals:${this.name}`, this.onListed, this);
    this.weekKind = this.sim.register(`arrivals-week:${this.name}`, this.onWeek, this);
    this.sim.at(0, this.weekKind, 0, 0, PRIORITY.ARRIVAL);
  }

  /** `n` patients due now by list entry `entry` (-1: none). */
  protected abstract onListed(entry: number, n: number): void;

  private onWeek(weekIndex: number): void {
    const weekStart = weekIndex * WEEK - this.startMinuteOfWeek;
    for (const t of this.times) {
      const at = weekStart + t.at;
      if (at >= this.sim.now) this.sim.at(at, this.listedKind, t.entry, t.count, PRIORITY.ARRIVAL);
    }
    this.sim.at(weekStart + WEEK, this.weekKind, weekIndex + 1, 0, PRIORITY.ARRIVAL);
  }
}
