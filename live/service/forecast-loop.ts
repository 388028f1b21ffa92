/**
 * The forecast loop: after a change (debounced, so a burst of messages makes
 * one forecast) and every `everyMs`, the next hours are forecast from the
 * state; one run at a time, and a change during a run makes another after it.
 * The latest result is kept with the state's "as of" it started from; a
 * forecast that fails is kept beside it, with its reason, until one succeeds:
 * the last good forecast stays readable (with its own "as of") meanwhile.
 * A feed that never pauses still gets a forecast: at the latest `maxWaitMs`
 * after the first change not yet forecast.
 */
import type { HospitalState } from '../../scenarios/index.js';

export interface ForecastResult<S> {
  /** The state's moment the forecast starts from. */
  asOf: string;
  /** Messages folded into that state. */
  messages: number;
  /** Wall-clock ISO time the forecast finished. */
  computedAt: string;
  warnings: string[];
  summary: S;
}

/** A forecast that did not finish: why, and from which state. No patient identifier in `reason`. */
export interface ForecastFailure {
  /** The state's moment the failed forecast started from. */
  asOf: string;
  messages: number;
  /** Wall-clock ISO time it failed. */
  failedAt: string;
  reason: string;
}

/** Where the last forecast's time went (ms), for the bench. */
export interface ForecastTimings {
  /** Reading the state (the fold of the messages since the last read). */
  stateMs: number;
  /** The replications on the pool, and their summary. */
  forecastMs: number;
}

export interface ForecastLoopOptions<S> {
  debounceMs: number;
  /** The longest a change waits for its forecast while messages keep coming (default: the larger of 5 s and `debounceMs`). */
  maxWaitMs?: number;
  everyMs: number;
  /** The state now, with its message count and warnings. */
  current: () => { state: HospitalState; messages: number; warnings: string[] };
  forecast: (state: HospitalState) => Promise<{ summary: S; warnings: string[] }>;
  onResult: (r: ForecastResult<S>) => void;
  onError: (f: ForecastFailure) => void;
  /** The failure's reason in words without patient identifiers. */
  reason: (e: unknown) => string;
  now?: () => number;
}

export class ForecastLoop<S> {
  latest: ForecastResult<S> | undefined;
  /** The latest attempt failed (cleared by the next success). */
  failure: ForecastFailure | undefined;
  /** Where the last forecast's time went. */
  timings: ForecastTimings | undefined;
  private debounce: NodeJS.Timeout | undefined;
  /** When the first change not yet forecast came (ms, this process's monotonic clock). */
  private pendingSince: number | undefined;
  private readonly every: NodeJS.Timeout;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly o: ForecastLoopOptions<S>) {
    this.every = setInterval(() => this.start(), o.everyMs);
    this.every.unref();
  }

  /** A change: forecast again once the messages pause for `debounceMs`. */
  changed(): void {
    if (this.stopped) return;
    clearTimeout(this.debounce);
    const t = performance.now();
    this.pendingSince ??= t;
    const maxWait = this.o.maxWaitMs ?? Math.max(5_000, this.o.debounceMs);
    const wait = Math.max(0, Math.min(this.o.debounceMs, this.pendingSince + maxWait - t));
    this.debounce = setTimeout(() => this.start(), wait);
  }

  /** Starts a forecast now (or right after the one under way). */
  start(): void {
    if (this.stopped) return;
    clearTimeout(this.debounce);
    this.pendingSince = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.start();
      }
    });
  }

  private async runOnce(): Promise<void> {
    const t0 = performance.now();
    const { state, messages, warnings } = this.o.current();
    const t1 = performance.now();
    try {
      const r = await this.o.forecast(state);
      if (this.stopped) return;
      this.timings = { stateMs: t1 - t0, forecastMs: performance.now() - t1 };
      this.latest = {
        asOf: state.asOf,
        messages,
        computedAt: new Date((this.o.now ?? Date.now)()).toISOString(),
        warnings: [...warnings, ...r.warnings],
        summary: r.summary,
      };
      this.failure = undefined;
      this.o.onResult(this.latest);
    } catch (e) {
      if (this.stopped) return;
      this.failure = { asOf: state.asOf, messages, failedAt: new Date((this.o.now ?? Date.now)()).toISOString(), reason: this.o.reason(e) };
      this.o.onError(this.failure);
    }
  }

  /** Resolves when no forecast is running (the one under way, and any it was asked to run after it, done). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.debounce);
    clearInterval(this.every);
    await this.running;
  }
}
