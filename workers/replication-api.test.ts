import { describe, expect, it } from 'vitest';
import { builtinScenario, compileScenario, localMinutes, parseScenario, stateFromTrace } from '../scenarios/index.js';
import { runHospital, TraceBuffer } from '../sim-core/index.js';
import { createReplicationApi } from './replication-api.js';

describe('a snapshot taken from the moment a replay shows', () => {
  it("is the state in the replay's own trace then: the run to that moment makes the same events as the whole run", () => {
    const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
    // A quick run in the viewer: four weeks after the warm-up; its replay is replication 1.
    const scenario = { ...hospital, horizonDays: 28 };
    const trace = new TraceBuffer();
    runHospital(compileScenario(scenario), { seed: 3, replication: 1, trace });
    const at = 25 * 1440 + 14 * 60 + 20; // day 25, 14:20: in the week after the warm-up
    const replay = stateFromTrace(compileScenario(scenario), trace.toData(), at, localMinutes(scenario.start));
    const taken = createReplicationApi().takeState(scenario, at, 3);
    expect(taken.state.asOf).toBe('2026-01-30T14:20');
    expect(taken.state.patients.length).toBeGreaterThan(100);
    expect(taken).toEqual(replay);
  });
});
