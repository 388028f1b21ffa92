/**
 * Running a scenario's replications and summarising them. This is the one
 * place the CLI and the viewer get results from; each replication is a pure
 * function of (model, seed, replication number), so where it runs (this
 * thread, a Web Worker, a Node worker) cannot change its figures.
 */
import { runHospital, summariseReplications, TraceBuffer, type FigureSummary, type HospitalModel, type TraceData } from '../sim-core/index.js';
import { compileScenario, type Scenario } from '../scenarios/index.js';
import type { ForecastReplication } from './forecast/forecast-recorder.js';

export interface ReplicationResult {
  replication: number;
  figures: Record<string, number>;
  events: number;
  patients: number;
  /** For a forecast job: the hourly census, ED, booked cases and overtime of this replication. */
  forecast?: ForecastReplication;
}

export interface ExperimentResult {
  scenario: string;
  seed: number | string;
  replications: number;
  figures: Record<string, FigureSummary>;
  perReplication: ReplicationResult[];
  /** Trace of the first replication, when asked for. */
  trace?: TraceData;
}

export interface RunOptions {
  replications?: number;
  seed?: number | string;
  /** Keep the event trace of replication 1. */
  trace?: boolean;
  /** Called after each replication with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Stops between replications; what finished is kept. */
  signal?: AbortSignal;
}

/** One replication: the unit of work that may run in any thread. */
export function runReplication(
  model: HospitalModel,
  seed: number | string,
  replication: number,
  trace?: TraceBuffer,
  maxPatientsInSystem?: number,
): ReplicationResult {
  const r = runHospital(model, { seed, replication, ...(trace ? { trace } : {}), ...(maxPatientsInSystem !== undefined ? { maxPatientsInSystem } : {}) });
  return { replication, figures: r.figures, events: r.events, patients: r.patients };
}

export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<ExperimentResult> {
  const model = compileScenario(scenario);
  const replications = options.replications ?? scenario.replications;
  const seed = options.seed ?? scenario.seed;
  const perReplication: ReplicationResult[] = [];
  let trace: TraceData | undefined;
  for (let i = 1; i <= replications; i++) {
    if (options.signal?.aborted) break;
    const buffer = options.trace && i === 1 ? new TraceBuffer() : undefined;
    perReplication.push(runReplication(model, seed, i, buffer));
    if (buffer) trace = buffer.toData();
    options.onProgress?.(i, replications);
    // Let the caller's event loop breathe (progress output, Ctrl-C) between replications.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return {
    scenario: scenario.name,
    seed,
    replications: perReplication.length,
    figures: summariseReplications(perReplication.map((r) => r.figures)),
    perReplication,
    ...(trace ? { trace } : {}),
  };
}
