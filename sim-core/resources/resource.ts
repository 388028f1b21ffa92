import { Tally } from '../stats/tally.js';
import { TimeWeighted, type Clock } from '../stats/time-weighted.js';
import { WaitingList } from './waiting-list.js';

export interface ResourceOptions {
  /** Name used in traces and reports. */
  name: string;
  /** Units on duty at the start (beds, staff, rooms). */
  capacity: number;
  /** Most claims that may wait; 0 means no waiting room (a loss system). Default: unlimited. */
  queueCapacity?: number;
  /** Whether a higher-priority claim may take a unit from a lower-priority holder. */
  preemptive?: boolean;
  /** Keep every wait so that quantiles can be reported. */
  keepWaits?: boolean;
}

/**
 * A pool of identical units. State changes go through `ResourceSet` (which owns
 * the claims); this class holds the counts and the statistics a report needs.
 */
export class Resource {
  readonly name: string;
  readonly queueCapacity: number;
  readonly preemptive: boolean;
  /** Units on duty now (changes with a roster). */
  capacity: number;
  /** Units held by claims now; may exceed capacity after a shift ends (overtime). */
  busy = 0;
  readonly waiting = new WaitingList();
  /** Claims holding units, in grant order; kept only for preemptive resources. */
  readonly holders: number[] = [];
  /** `[this]`, so single-resource seizes allocate nothing. */
  readonly asSet: readonly Resource[];

  readonly busyUnits: TimeWeighted;
  readonly queueLength: TimeWeighted;
  readonly onDuty: TimeWeighted;
  /** Units working past the end of their shift: the integral is overtime. */
  readonly overtimeUnits: TimeWeighted;
  readonly waits: Tally;
  requests = 0;
  granted = 0;
  /** Grants that had to wait (for P(wait)). */
  delayed = 0;
  refused = 0;
  reneged = 0;
  preempted = 0;
  /** Waiting claims of priority 0 or below put back by a claim above 0 (an elective case bumped by an emergency). */
  bumped = 0;
  /** Claims of priority above 0 granted, and the minutes they waited (an emergency case's wait for a theatre). */
  urgentGrants = 0;
  urgentWaitMinutes = 0;

  constructor(
    readonly id: number,
    options: ResourceOptions,
    now: number,
  ) {
    if (!(Number.isInteger(options.capacity) && options.capacity >= 0)) {
      throw new Error(`resource ${options.name}: capacity must be a non-negative integer, got ${options.capacity}`);
    }
    const qc = options.queueCapacity ?? Infinity;
    if (!(qc >= 0)) {
      throw new Error(`resource ${options.name}: queueCapacity must be >= 0, got ${qc}`);
    }
    this.name = options.name;
    this.capacity = options.capacity;
    this.queueCapacity = qc;
    this.preemptive = options.preemptive ?? false;
    this.asSet = [this];
    this.busyUnits = new TimeWeighted(now, 0);
    this.queueLength = new TimeWeighted(now, 0);
    this.onDuty = new TimeWeighted(now, options.capacity);
    this.overtimeUnits = new TimeWeighted(now, 0);
    this.waits = new Tally({ keepValues: options.keepWaits ?? false });
  }

  /** Units free to be granted now. */
  get free(): number {
    return this.capacity - this.busy;
  }

  /** Share of on-duty unit time that was busy, from the last reset to `now`. */
  utilisation(now: number): number {
    const onDuty = this.onDuty.area(now);
    return onDuty > 0 ? (this.busyUnits.area(now) - this.overtimeUnits.area(now)) / onDuty : NaN;
  }

  /** Restarts every statistic at `now` (end of warm-up); the state is kept. */
  resetStats(now: number): void {
    this.busyUnits.reset(now);
    this.queueLength.reset(now);
    this.onDuty.reset(now);
    this.overtimeUnits.reset(now);
    this.waits.reset();
    this.requests = 0;
    this.granted = 0;
    this.delayed = 0;
    this.refused = 0;
    this.reneged = 0;
    this.preempted = 0;
    this.bumped = 0;
    this.urgentGrants = 0;
    this.urgentWaitMinutes = 0;
  }

  /** Called after busy or capacity changed (given the clock, not the time: see TimeWeighted.change). */
  noteBusy(clock: Clock): void {
    this.busyUnits.change(clock, this.busy);
    const excess = this.busy - this.capacity;
    // Most changes keep a resource within its capacity with no overtime
    // running: then the overtime's statistics would not move, so skip the call.
    if (excess > 0 || this.overtimeUnits.value !== 0) this.overtimeUnits.change(clock, excess > 0 ? excess : 0);
  }
}
