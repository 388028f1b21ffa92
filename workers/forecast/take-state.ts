import { runHospital, TraceBuffer, type HospitalModel } from '../../sim-core/index.js';
import { compileScenario, localMinutes, stateFromTrace, type Scenario, type TraceState } from '../../scenarios/index.js';

/**
 * One replication (the first unless asked) of a scenario run to minute `at`
 * (from its start), and the hospital then as a state (export-state's reader of
 * the trace). A replication's first days do not depend on its horizon, so this
 * is the state of that replication of the full run at that minute. A network's
 * run goes on a day past `at`, the same run continued, so that where each
 * patient on the road between sites is going (chosen when it left, named by the
 * trace only on arrival) is in the state too.
 */
/** Minutes a network's run goes on past `at` to see where trips in progress end (a trip longer than this: its destination is chosen again). */
const TRIP_LOOK_AHEAD = 1440;

export function takeState(scenario: Scenario, at: number, seed: number | string = scenario.seed, replication = 1): TraceState & { model: HospitalModel } {
  const lookAhead = scenario.network && scenario.network.sites.length > 1 ? TRIP_LOOK_AHEAD : 0;
  const model = compileScenario({ ...scenario, warmupDays: 0, horizonDays: Math.max(at + lookAhead, 1) / 1440 });
  const trace = new TraceBuffer();
  runHospital(model, { seed, replication, trace });
  return { ...stateFromTrace(model, trace.toData(), at, localMinutes(scenario.start)), model };
}
