/**
 * What a hospital replication is asked to do and what it gives back (shared by
 * run-hospital.ts and the interpreter, so neither imports the other's types).
 */
import type { TraceRecorder } from '../trace.js';
import type { CostLedger } from './cost-ledger.js';
import type { InitialState } from './initial-state.js';
import type { RunObserver } from './observer.js';

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
  /** Patients in the hospital at time 0 (at a pathway step, holding resources, with time already spent); none: an empty hospital. */
  initialState?: InitialState;
  /** More observers of the run's events, told after the costs, figures, trace and snapshots. */
  observers?: readonly RunObserver[];
  /**
   * false: the run's figures are not kept: costs, figures and cases are not told
   * what happens, nothing is summed up at the end (nor the census read on the
   * hour for it), `figures` comes back empty and the ledger too. For runs that
   * read what they need through the trace or an observer (a forecast). The run
   * itself, its random draws and its events, is the same. Default true.
   */
  figures?: boolean;
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
