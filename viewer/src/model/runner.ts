/**
 * The page's only way to the model: the browser runner of workers/, which runs
 * replications in Web Workers. Two runners, so the two sides of a comparison
 * run at once; a runner that will not stop is replaced.
 */
import {
  startBrowserRunner,
  type BrowserExperimentResult,
  type BrowserForecastOptions,
  type BrowserForecastResult,
  type BrowserRunner,
} from '../../../workers/browser/index.js';
import type { HospitalState, Scenario, TraceState } from '../../../scenarios/index.js';

export type { BrowserExperimentResult, BrowserForecastResult };

export interface RunSettings {
  replications: number;
  seed: number | string;
  horizonDays: number;
}

const runners: (BrowserRunner | null)[] = [null, null];

function runner(lane: number): BrowserRunner {
  let r = runners[lane];
  if (!r) {
    r = startBrowserRunner();
    runners[lane] = r;
  }
  return r;
}

/** The scenario as it will run: the settings override its own horizon, replications and seed. */
export function withSettings(scenario: Scenario, settings: RunSettings): Scenario {
  return { ...scenario, horizonDays: settings.horizonDays, replications: settings.replications, seed: settings.seed };
}

export interface RunHandle {
  promise: Promise<BrowserExperimentResult | null>;
  /** Asks the worker to stop after the current replication; if it has not within `graceMs`, the worker is ended. */
  cancel(graceMs?: number): void;
}

/** Runs in a worker (lane 0 or 1), keeping the trace of replication 1 for the replay. Null if it was ended by cancel. */
export function runInWorker(scenario: Scenario, settings: RunSettings, onProgress: (done: number, total: number) => void, lane = 0): RunHandle {
  const controller = new AbortController();
  const r = runner(lane);
  let settle: ((v: null) => void) | null = null;
  const ended = new Promise<null>((resolve) => (settle = resolve));
  const promise = Promise.race([
    r.run(withSettings(scenario, settings), { replications: settings.replications, seed: settings.seed, trace: true, onProgress, signal: controller.signal }),
    ended,
  ]);
  let finished = false;
  void promise.finally(() => (finished = true)).catch(() => undefined);
  return {
    promise,
    cancel(graceMs = 2000) {
      controller.abort();
      setTimeout(() => {
        if (finished || runners[lane] !== r) return;
        // Still running a long replication: end the worker; the next run starts a fresh one.
        r.terminate();
        runners[lane] = null;
        settle?.(null);
      }, graceMs);
    },
  };
}

/** A forecast from a hospital state in the worker of `lane`; rejects (before the worker starts) when the state does not fit the scenario. */
export function forecastInWorker(scenario: Scenario, state: HospitalState, options: BrowserForecastOptions, lane = 0): Promise<BrowserForecastResult> {
  return runner(lane).forecast(scenario, state, options);
}

/** The hospital at minute `at` of replication 1 of a run with `seed` (what its replay shows then), taken in the worker of `lane`. */
export function takeStateInWorker(scenario: Scenario, at: number, seed: number | string, lane = 0): Promise<TraceState> {
  return runner(lane).takeState(scenario, at, seed);
}
