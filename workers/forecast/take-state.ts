import { runHospital, TraceBuffer, type HospitalModel } from '../../sim-core/index.js';
import { compileScenario, localMinutes, stateFromTrace, type Scenario, type TraceState } from '../../scenarios/index.js';

/**
 * One replication (the first unless asked) of a scenario run to minute `at`
 * (from its start), and the hospital then as a state (export-state's reader of
 * the trace). A replication's first days do not depend on its horizon, so this
 * is the state of that replication of the full run at that minute.
 */
export function takeState(scenario: Scenario, at: number, seed: number | string = scenario.seed, replication = 1): TraceState & { model: HospitalModel } {
  const model = compileScenario({ ...scenario, warmupDays: 0, horizonDays: Math.max(at, 1) / 1440 });
  const trace = new TraceBuffer();
  runHospital(model, { seed, replication, trace });
  return { ...stateFromTrace(model, trace.toData(), at, localMinutes(scenario.start)), model };
}
