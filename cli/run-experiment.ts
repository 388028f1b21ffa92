import type { Scenario } from '../scenarios/index.js';
import { defaultWorkerCount, NodeWorkerPool, runScenarioParallel, type ParallelExperimentResult, type ReplicationRunner } from '../workers/node.js';
import type { Progress } from './progress.js';

export interface ExperimentOptions {
  replications: number;
  seed: number | string;
  trace?: boolean;
  /** Progress label, e.g. "A: textbook-mmc". */
  label: string;
  progress: Progress;
  signal: AbortSignal;
  pool: ReplicationRunner;
}

/** Replications that threw: the run is not reported, since its figures would leave them out. */
export class ReplicationsFailed extends Error {
  override readonly name = 'ReplicationsFailed';
}

/** A worker pool no bigger than the work: `workers` threads (default: the cores), at most one per replication. */
export function createPool(replications: number, workers?: number): NodeWorkerPool {
  return new NodeWorkerPool(Math.max(1, Math.min(workers ?? defaultWorkerCount(), replications)));
}

/** Runs one scenario's replications on the pool, with progress and Ctrl-C. */
export async function runExperiment(scenario: Scenario, o: ExperimentOptions): Promise<ParallelExperimentResult> {
  o.progress.start(o.label, o.replications);
  try {
    const result = await runScenarioParallel(scenario, {
      replications: o.replications,
      seed: o.seed,
      trace: o.trace ?? false,
      workers: o.pool,
      signal: o.signal,
      onProgress: (done) => o.progress.update(done),
    });
    if (result.failures.length > 0) {
      const lines = result.failures.map((f) => `  replication ${f.replication} (seed ${JSON.stringify(f.seed)}): ${f.error.split('\n')[0]}`);
      throw new ReplicationsFailed(`${scenario.name}: ${result.failures.length} replication(s) failed:\n${lines.join('\n')}`);
    }
    return result;
  } finally {
    o.progress.stop();
  }
}
