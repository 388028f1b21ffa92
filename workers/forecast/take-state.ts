import { runHospital, TraceBuffer, type HospitalModel } from '../../sim-core/index.js';
import { compileScenario, localMinutes, stateFromTrace, type Scenario, type TraceState } from '../../scenarios/index.js';

/**
 * Replication 1 of a scenario run to minute `at` (from its start), and the
 * hospital then as a state (export-state's reader of the trace).
 */
export function takeState(scenario: Scenario, at: number, seed: number | string = scenario.seed): TraceState & { model: HospitalModel } {
  const model = compileScenario({ ...scenario, warmupDays: 0, horizonDays: Math.max(at, 1) / 1440 });
  const trace = new TraceBuffer();
  runHospital(model, { seed, replication: 1, trace });
  return { ...stateFromTrace(model, trace.toData(), at, localMinutes(scenario.start)), model };
}
