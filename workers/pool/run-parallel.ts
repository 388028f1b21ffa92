import type { Scenario } from '../../scenarios/index.js';
import { numberedJob, summariseJob, type JobExperimentResult } from '../job-summary.js';
import type { RunOptions } from '../run-replications.js';
import type { ReplicationRunner } from '../replication-runner.js';
import { NodeWorkerPool } from './node-pool.js';

export interface ParallelRunOptions extends RunOptions {
  /** Number of worker threads (default: the machine's cores), or a runner to reuse (a pool, a queue). */
  workers?: number | ReplicationRunner;
}

export type ParallelExperimentResult = JobExperimentResult;

/**
 * A scenario's replications on worker threads. Each replication is a pure
 * function of (scenario, seed, number), so the figures equal the main thread's
 * bit for bit, whatever the number of workers.
 */
export async function runScenarioParallel(scenario: Scenario, options: ParallelRunOptions = {}): Promise<ParallelExperimentResult> {
  const replications = options.replications ?? scenario.replications;
  const seed = options.seed ?? scenario.seed;
  const given = typeof options.workers === 'object' ? options.workers : undefined;
  const pool = given ?? new NodeWorkerPool(typeof options.workers === 'number' ? options.workers : undefined);
  try {
    const out = await pool.run(numberedJob(scenario, seed, replications, options.trace), {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return summariseJob(scenario, seed, out);
  } finally {
    if (!given) await pool.close();
  }
}
