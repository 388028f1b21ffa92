import { summariseReplications } from '../../sim-core/index.js';
import type { Scenario } from '../../scenarios/index.js';
import type { ReplicationFailure } from '../replication-api.js';
import type { ExperimentResult, RunOptions } from '../run-replications.js';
import { NodeWorkerPool } from './node-pool.js';

export interface ParallelRunOptions extends RunOptions {
  /** Number of worker threads (default: the machine's cores), or a pool to reuse. */
  workers?: number | NodeWorkerPool;
}

export interface ParallelExperimentResult extends ExperimentResult {
  /** Replications that threw, each with its scenario, seed and number; the rest are kept. */
  failures: ReplicationFailure[];
  /** True if stopped (Ctrl-C, cancel) before every replication ran. */
  cancelled: boolean;
}

/**
 * A scenario's replications on worker threads. Each replication is a pure
 * function of (scenario, seed, number), so the figures equal the main thread's
 * bit for bit, whatever the number of workers.
 */
export async function runScenarioParallel(scenario: Scenario, options: ParallelRunOptions = {}): Promise<ParallelExperimentResult> {
  const replications = options.replications ?? scenario.replications;
  const seed = options.seed ?? scenario.seed;
  const pool = options.workers instanceof NodeWorkerPool ? options.workers : new NodeWorkerPool(options.workers);
  try {
    const numbers = Array.from({ length: replications }, (_, i) => i + 1);
    const out = await pool.run(
      { scenario, seed, replications: numbers, ...(options.trace ? { traceReplication: 1 } : {}) },
      { ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) },
    );
    return {
      scenario: scenario.name,
      seed,
      replications: out.results.length,
      figures: summariseReplications(out.results.map((r) => r.figures)),
      perReplication: out.results,
      failures: out.failures,
      cancelled: out.cancelled,
      ...(out.trace ? { trace: out.trace } : {}),
    };
  } finally {
    if (!(options.workers instanceof NodeWorkerPool)) await pool.close();
  }
}
