/**
 * What a queued job carries: a block of replications of one scenario (the
 * scenario itself is read from Redis by its hash). The block is `count`
 * replications from `replication` on, `step` apart, so that a caller's list
 * (consecutive, or every eighth) makes few jobs; each replication's result is
 * still stored under its own key.
 */
export interface ReplicationJobData {
  scenarioHash: string;
  seed: number | string;
  /** The block's first replication. */
  replication: number;
  /** Replications in the block (absent: 1, a job of one replication). */
  count?: number;
  /** Between one replication of the block and the next (absent: 1). */
  step?: number;
  /** Keep and store the replication's event trace (a traced replication is a block of its own). */
  trace: boolean;
  maxPatientsInSystem?: number;
}

/** The replications of a job's block, in order. */
export function blockReplications(d: ReplicationJobData): number[] {
  const count = d.count ?? 1;
  const step = d.step ?? 1;
  return Array.from({ length: count }, (_, i) => d.replication + i * step);
}

export const JOB_NAME = 'replication';

/** BullMQ job settings shared by coordinator and workers. */
export const JOB_DEFAULTS = {
  /** A result is in the results hash; the finished job itself need not stay. */
  removeOnComplete: true,
  /** A failed job stays, with its reason, for the coordinator to read (and a rerun to retry). */
  removeOnFail: false,
  attempts: 1,
} as const;
