/**
 * A job of replications numbered 1..n, and its results summarised the one way
 * every host does it (Node's worker pool and the browser's Web Worker), so the
 * viewer shows exactly the figures the CLI prints.
 */
import { summariseColumns, summariseReplications, type FigureSummary } from '../sim-core/index.js';
import { figureColumns } from './packed-results.js';
import type { Scenario } from '../scenarios/index.js';
import type { JobResult, ReplicationFailure, ReplicationJob } from './replication-api.js';
import type { ExperimentResult } from './run-replications.js';

export interface JobExperimentResult extends ExperimentResult {
  /** Replications that threw, each with its scenario, seed and number; the rest are kept. */
  failures: ReplicationFailure[];
  /** True if stopped (Ctrl-C, cancel) before every replication ran. */
  cancelled: boolean;
}

/** Replications 1..`replications` of the scenario, keeping replication 1's trace when asked. */
export function numberedJob(scenario: Scenario, seed: number | string, replications: number, trace = false): ReplicationJob {
  return { scenario, seed, replications: Array.from({ length: replications }, (_, i) => i + 1), ...(trace ? { traceReplication: 1 } : {}) };
}

export function summariseJob(scenario: Scenario, seed: number | string, out: JobResult): JobExperimentResult {
  return {
    scenario: scenario.name,
    seed,
    replications: out.results.length,
    figures: summariseResults(out.results),
    perReplication: out.results,
    failures: out.failures,
    cancelled: out.cancelled,
    ...(out.trace ? { trace: out.trace } : {}),
  };
}

/** Every figure's summary; from the packed doubles when the results came packed from worker threads (no objects made). */
export function summariseResults(results: JobResult['results']): Record<string, FigureSummary> {
  const columns = figureColumns(results);
  return columns ? summariseColumns(columns.names, results.length, columns.value) : summariseReplications(results.map((r) => r.figures));
}
