/**
 * Runs one replication of a hospital model, in three steps: build it, set its
 * state (patients already in the hospital, if any), start it. The interpreter
 * is in hospital-replication.ts.
 */
import { HospitalReplication } from './hospital-replication.js';
import type { HospitalModel } from './model.js';
import type { HospitalRunOptions, HospitalRunResult } from './run-options.js';

export type { HospitalRunOptions, HospitalRunResult } from './run-options.js';

export function runHospital(model: HospitalModel, options: HospitalRunOptions): HospitalRunResult {
  const replication = new HospitalReplication(model, options);
  if (options.initialState) replication.setState(options.initialState);
  replication.start();
  return replication.run();
}
