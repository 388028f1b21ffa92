/**
 * The forecast loop: after a change (debounced, so a burst of messages makes
 * one forecast) and every `everyMs`, the next hours are forecast from the
 * state; one run at a time, and a change during a run makes another after it.
 * The latest result is kept with the state's "as of" it started from; a
 * forecast that fails is kept beside it, with its reason, until one succeeds:
 * the last good forecast stays readable (with its own "as of") meanwhile.
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

export interface ForecastLoopOptions<S> {
  debounceMs: number;
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
  private debounce: NodeJS.Timeout | undefined;
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
    this.debounce = setTimeout(() => this.start(), this.o.debounceMs);
  }

  /** Starts a forecast now (or right after the one under way). */
  start(): void {
    if (this.stopped) return;
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
    const { state, messages, warnings } = this.o.current();
    try {
      const r = await this.o.forecast(state);
      if (this.stopped) return;
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

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.debounce);
    clearInterval(this.every);
    await this.running;
  }
}
