/**
 * What runs a job of replications: the local worker pool (the default) and the
 * Redis queue (workers on other machines) both offer it, so `run`, `compare`,
 * sweeps and the optimiser take either without knowing which.
 */
import type { JobResult, ReplicationJob } from './replication-api.js';

export interface RunnerOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ReplicationRunner {
  /** Replications worth having in hand at once (threads of a pool; jobs in flight on a queue). */
  readonly size: number;
  /** Runs the job's replications; failures are reported, not thrown; results in replication order. */
  run(job: ReplicationJob, options?: RunnerOptions): Promise<JobResult>;
  /** Lets go of threads or connections. */
  close(): Promise<void>;
}
