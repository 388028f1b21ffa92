import { EventCalendar, type EventHandle } from './calendar.js';
import { PRIORITY } from './priorities.js';
import { createStream, type RandomStream } from './random/stream.js';
import type { TraceRecorder } from './trace.js';

/** What an event does when it runs: receives the two 32-bit integers it was scheduled with. */
export type EventHandler = (entity: number, arg: number) => void;

export interface SimulationOptions {
  /** Master seed: every random stream is derived from (seed, stream name). */
  seed: number | string;
  /** Where to record the event trace; omit for none (costs nothing). */
  trace?: TraceRecorder;
}

/**
 * The clock, the calendar and the step loop. Time is in minutes from the
 * scenario's start. Handlers are registered once and referred to by number, so
 * scheduling an event allocates nothing.
 */
export class Simulation {
  now = 0;
  readonly seed: number | string;
  readonly trace: TraceRecorder | null;
  readonly calendar = new EventCalendar();
  private readonly handlers: EventHandler[] = [];
  private readonly handlerNames: string[] = [];
  private readonly handlerTargets: unknown[] = [];
  private readonly streams = new Map<string, RandomStream>();
  private stopRequested = false;
  private eventCount = 0;

  constructor(options: SimulationOptions) {
    this.seed = options.seed;
    this.trace = options.trace ?? null;
  }

  /**
   * Registers an event handler; returns the kind to schedule it by. With a
   * `target`, the handler runs as a method of it (`this` is the target): a model
   * that registers its prototype's methods gives V8 the same functions in every
   * replication, so their optimised code is kept, where fresh closures each
   * replication were optimised again and again in worker threads.
   */
  register<T>(name: string, handler: (this: T, entity: number, arg: number) => void, target?: T): number {
    this.handlers.push(handler as EventHandler);
    this.handlerNames.push(name);
    this.handlerTargets.push(target);
    return this.handlers.length - 1;
  }

  /**
   * Schedules handler `kind` to run `delay` minutes from now. Returns nothing:
   * a handle is a number beyond the small-integer range, which V8 boxes on the
   * heap whenever it is returned, a garbage-collected allocation per event that
   * almost no caller wants. Use `scheduleCancellable` for an event that may be
   * cancelled.
   */
  schedule(delay: number, kind: number, entity = 0, arg = 0, priority: number = PRIORITY.DEFAULT): void {
    if (!(delay >= 0)) this.refuseDelay(delay, kind);
    this.calendar.add(this.now + delay, priority, kind, entity, arg);
  }

  /** As `schedule` with a delay of 0 (a grant): at the current instant, in priority then sequence order among the events due at it. */
  scheduleNow(kind: number, entity: number, arg: number, priority: number): void {
    // While events run, now is the time of the one popped: the calendar then
    // needs no time passed (see addAtPopped).
    if (this.now === this.calendar.poppedTime) this.calendar.addAtPopped(priority, kind, entity, arg);
    else this.calendar.add(this.now, priority, kind, entity, arg);
  }

  /** As `schedule`, and returns a handle for `cancel` (a timer that may not be needed: a patient's patience). */
  scheduleCancellable(delay: number, kind: number, entity = 0, arg = 0, priority: number = PRIORITY.DEFAULT): EventHandle {
    if (!(delay >= 0)) this.refuseDelay(delay, kind);
    return this.calendar.schedule(this.now + delay, priority, kind, entity, arg);
  }

  /** Schedules handler `kind` at absolute time `time` (not before now). */
  at(time: number, kind: number, entity = 0, arg = 0, priority: number = PRIORITY.DEFAULT): void {
    if (!(time >= this.now)) {
      throw new Error(`at: time ${time} is before now (${this.now}) (event ${this.handlerNames[kind] ?? kind})`);
    }
    this.calendar.add(time, priority, kind, entity, arg);
  }

  cancel(handle: EventHandle): boolean {
    return this.calendar.cancel(handle);
  }

  /** The random stream for a named source, created on first use from (seed, name). */
  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = createStream(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }

  private refuseDelay(delay: number, kind: number): never {
    throw new Error(`schedule: delay must be a non-negative number, got ${delay} (event ${this.handlerNames[kind] ?? kind})`);
  }

  /** Events run so far. */
  get eventsProcessed(): number {
    return this.eventCount;
  }

  /** Asks the running loop to stop after the current event. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Runs events in (time, priority, sequence) order until the calendar is empty,
   * `stop()` is called, or the next event lies beyond `until`; then the clock is
   * set to `until` (if finite) so time averages cover the whole horizon.
   */
  run(until = Infinity): void {
    this.stopRequested = false;
    this.drain(until);
    if (!this.stopRequested && until !== Infinity && until > this.now) this.now = until;
  }

  /**
   * The event loop alone. Run once per replication, it is compiled on the fly
   * (on-stack replacement); with the clock's last step in the same function,
   * that step had never run when the loop was compiled, and the compiled loop
   * was thrown away at the end of every replication.
   */
  private drain(until: number): void {
    const calendar = this.calendar;
    const handlers = this.handlers;
    const targets = this.handlerTargets;
    while (!this.stopRequested && calendar.popUntil(until)) {
      this.now = calendar.poppedTime;
      this.eventCount++;
      const kind = calendar.poppedKind;
      handlers[kind]!.call(targets[kind], calendar.poppedEntity, calendar.poppedArg);
    }
  }
}
