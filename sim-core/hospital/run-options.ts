/**
 * What a hospital replication is asked to do and what it gives back (shared by
 * run-hospital.ts and the interpreter, so neither imports the other's types).
 */
import type { TraceRecorder } from '../trace.js';
import type { CostLedger } from './cost-ledger.js';
import type { InitialState } from './initial-state.js';
import type { ObserverFactory, RunFindings } from './observer.js';

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
  /**
   * Your own observers, built for each replication as the built-in ones are
   * (observer-table.ts) and told after them: each hears the events it has a
   * method for and may put its own figures into the result when the run closes.
   */
  observers?: readonly ObserverFactory[];
  /**
   * false: the built-in figures are not kept: the observers of costs, figures,
   * cases, census and outlying are not built, `figures` comes back with only
   * what your own observers put, and the ledger empty. For runs that read what
   * they need through the trace or an observer (a forecast). The run itself,
   * its random draws and its events, is the same. Default true.
   */
  figures?: boolean;
}

/** `figures`: every figure of the run by its stable id; `snapshots` when asked for (snapshotEvery). */
export interface HospitalRunResult extends RunFindings {
  ledger: CostLedger;
  events: number;
  patients: number;
}
