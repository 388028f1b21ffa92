/**
 * A forecast's replications on the Node worker pool: the state is checked
 * against the scenario here first (a bad name is refused before any thread
 * starts), then each worker builds the same forecast model and runs its
 * share; results come back in replication order.
 */
import { forecastModel, type HospitalState, type ReplayedArrival, type ReplaySummary, type Scenario } from '../../scenarios/index.js';
import { NodeWorkerPool } from '../pool/node-pool.js';
import type { ReplicationFailure } from '../replication-api.js';
import type { ForecastReplication } from './forecast-recorder.js';
import { summariseForecast, type ForecastSummary } from './summarise-forecast.js';
import { summarisePatients, type PatientForecast } from './summarise-patients.js';

export interface ForecastRunOptions {
  hours: number;
  replications: number;
  seed: number | string;
  workers: number | NodeWorkerPool;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Also each patient of the state: remaining stay and cost (the runs go on until they have all left). */
  patients?: boolean;
  /** The arrivals that really came, in place of the drawn classes' (see scenarios' replay-arrivals.ts). */
  replayed?: ReplayedArrival[];
}

export interface ForecastRun {
  scenario: string;
  seed: number | string;
  summary: ForecastSummary;
  perReplication: ForecastReplication[];
  /** With `patients`: each patient of the state, in its order. */
  patients?: PatientForecast[];
  /** With `replayed`: which classes' arrivals were replaced, and how many patients came. */
  replay?: ReplaySummary;
  failures: ReplicationFailure[];
  cancelled: boolean;
}

export async function runForecastParallel(scenario: Scenario, state: HospitalState, o: ForecastRunOptions): Promise<ForecastRun> {
  const fm = forecastModel(scenario, state, o.hours, 'state', o.replayed);
  const pool = o.workers instanceof NodeWorkerPool ? o.workers : new NodeWorkerPool(o.workers);
  try {
    const out = await pool.run(
      {
        scenario,
        seed: o.seed,
        replications: Array.from({ length: o.replications }, (_, i) => i + 1),
        forecast: { state, hours: o.hours, ...(o.patients ? { patients: true } : {}), ...(o.replayed ? { replayed: o.replayed } : {}) },
      },
      { ...(o.onProgress ? { onProgress: o.onProgress } : {}), ...(o.signal ? { signal: o.signal } : {}) },
    );
    const reps = out.results.flatMap((r) => (r.forecast ? [r.forecast] : []));
    return {
      scenario: scenario.name,
      seed: o.seed,
      summary: summariseForecast(fm.model, state.asOf, o.hours, fm.booked, reps),
      perReplication: reps,
      ...(o.patients ? { patients: summarisePatients(state, reps) } : {}),
      ...(fm.replay ? { replay: fm.replay } : {}),
      failures: out.failures,
      cancelled: out.cancelled,
    };
  } finally {
    if (!(o.workers instanceof NodeWorkerPool)) await pool.close();
  }
}
