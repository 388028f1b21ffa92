/** What a queued replication job carries: the rest (the scenario) is read from Redis by its hash. */
export interface ReplicationJobData {
  scenarioHash: string;
  seed: number | string;
  replication: number;
  /** Keep and store the replication's event trace. */
  trace: boolean;
  maxPatientsInSystem?: number;
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
