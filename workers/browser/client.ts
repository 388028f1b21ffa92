/**
 * The page's side of the browser worker: the model always runs in a Web Worker,
 * so the page never freezes. Replications are summarised here exactly as on
 * Node, so the viewer shows the figures the CLI prints.
 */
import { proxy, wrap, type Remote } from 'comlink';
import { forecastModel, type HospitalState, type Scenario, type TraceState } from '../../scenarios/index.js';
import { summariseForecast, type ForecastSummary } from '../forecast/summarise-forecast.js';
import { summarisePatients, type PatientForecast } from '../forecast/summarise-patients.js';
import { numberedJob, summariseJob, type JobExperimentResult } from '../job-summary.js';
import type { ReplicationApi, Validation } from '../replication-api.js';

export interface BrowserRunOptions {
  replications?: number;
  seed?: number | string;
  /** Keep the trace of replication 1, for replay. */
  trace?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export type BrowserExperimentResult = JobExperimentResult;

export interface BrowserForecastOptions {
  hours: number;
  replications: number;
  seed?: number | string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Also each patient of the state: remaining stay and cost, chance of leaving today and tomorrow. */
  patients?: boolean;
}

export interface BrowserForecastResult {
  summary: ForecastSummary;
  /** With `patients`: each patient of the state, in its order. */
  patients?: PatientForecast[];
  failures: JobExperimentResult['failures'];
  cancelled: boolean;
}

export interface BrowserRunner {
  validate(document: unknown, source: string): Promise<Validation>;
  run(scenario: Scenario, options?: BrowserRunOptions): Promise<BrowserExperimentResult>;
  /** A forecast from a hospital state (as `hospital-twin forecast` runs it), summed up as the CLI sums it. */
  forecast(scenario: Scenario, state: HospitalState, options: BrowserForecastOptions): Promise<BrowserForecastResult>;
  /** The hospital at minute `at` of replication 1 of a run (as `hospital-twin export-state` takes it): the state document and who was left out. */
  takeState(scenario: Scenario, at: number, seed: number | string): Promise<TraceState>;
  terminate(): void;
}

/** Starts the Web Worker (bundled by Vite from the worker entry) and connects to it. */
export function startBrowserRunner(): BrowserRunner {
  const worker = new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module' });
  return connectBrowserRunner(worker);
}

export function connectBrowserRunner(worker: Worker): BrowserRunner {
  const api: Remote<ReplicationApi> = wrap<ReplicationApi>(worker);
  let nextJob = 1;
  return {
    validate: (document, source) => api.validate(document, source) as Promise<Validation>,
    async run(scenario, options = {}) {
      const jobId = nextJob++;
      const replications = options.replications ?? scenario.replications;
      const seed = options.seed ?? scenario.seed;
      let done = 0;
      const onAbort = (): void => void api.cancel(jobId);
      options.signal?.addEventListener('abort', onAbort);
      try {
        const out = await api.run(
          jobId,
          numberedJob(scenario, seed, replications, options.trace),
          proxy(() => options.onProgress?.(++done, replications)),
        );
        return summariseJob(scenario, seed, out);
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
    },
    async forecast(scenario, state, options) {
      // Built here too (it checks the state against the scenario, throwing before the worker starts) to sum up the replications.
      const fm = forecastModel(scenario, state, options.hours);
      const jobId = nextJob++;
      const seed = options.seed ?? scenario.seed;
      let done = 0;
      const onAbort = (): void => void api.cancel(jobId);
      options.signal?.addEventListener('abort', onAbort);
      try {
        const out = await api.run(
          jobId,
          { ...numberedJob(scenario, seed, options.replications), forecast: { state, hours: options.hours, ...(options.patients ? { patients: true } : {}) } },
          proxy(() => options.onProgress?.(++done, options.replications)),
        );
        const reps = out.results.flatMap((r) => (r.forecast ? [r.forecast] : []));
        return {
          summary: summariseForecast(fm.model, state.asOf, options.hours, fm.booked, reps),
          ...(options.patients ? { patients: summarisePatients(state, reps) } : {}),
          failures: out.failures,
          cancelled: out.cancelled,
        };
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
    },
    takeState: (scenario, at, seed) => api.takeState(scenario, at, seed) as Promise<TraceState>,
    terminate: () => worker.terminate(),
  };
}
