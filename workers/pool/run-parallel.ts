import type { Scenario } from '../../scenarios/index.js';
import { numberedJob, summariseJob, type JobExperimentResult } from '../job-summary.js';
import type { RunOptions } from '../run-replications.js';
import { NodeWorkerPool } from './node-pool.js';

export interface ParallelRunOptions extends RunOptions {
  /** Number of worker threads (default: the machine's cores), or a pool to reuse. */
  workers?: number | NodeWorkerPool;
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
  const pool = options.workers instanceof NodeWorkerPool ? options.workers : new NodeWorkerPool(options.workers);
  try {
    const out = await pool.run(numberedJob(scenario, seed, replications, options.trace), {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return summariseJob(scenario, seed, out);
  } finally {
    if (!(options.workers instanceof NodeWorkerPool)) await pool.close();
  }
}
