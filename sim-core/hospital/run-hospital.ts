/**
 * Runs one replication of a hospital model (the interpreter is in
 * hospital-replication.ts).
 */
import type { TraceRecorder } from '../trace.js';
import type { CostLedger } from './cost-ledger.js';
import { HospitalReplication } from './hospital-replication.js';
import type { HospitalModel } from './model.js';

export interface HospitalRunOptions {
  seed: number | string;
  /** Replication number: mixed into every stream name so replications are independent. */
  replication: number;
  trace?: TraceRecorder;
  /**
   * A replication with more patients than this in the hospital at once stops
   * with an error: a resource that is never available would otherwise grow its
   * queue until memory runs out. Default 1,000,000.
   */
  maxPatientsInSystem?: number;
  /**
   * Record the number of patients in the hospital every this many minutes from
   * time 0 (warm-up included), for warm-up detection and charts. Off by default.
   */
  snapshotEvery?: number;
}

export interface HospitalRunResult {
  /** Every figure of the run by its stable id. */
  figures: Record<string, number>;
  ledger: CostLedger;
  events: number;
  patients: number;
  /** Patients in the hospital at times 0, snapshotEvery, 2·snapshotEvery, … (when asked for). */
  snapshots?: { every: number; inSystem: number[] };
}

export function runHospital(model: HospitalModel, options: HospitalRunOptions): HospitalRunResult {
  return new HospitalReplication(model, options).run();
}
