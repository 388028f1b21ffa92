import { describe, expect, it } from 'vitest';
import { builtinScenario, compileScenario, localMinutes, parseScenario, parseState } from '../../scenarios/index.js';
import { runHospital, TraceBuffer } from '../../sim-core/index.js';
import { hourlyCensus } from '../forecast/backtest.js';
import { takeState } from '../forecast/take-state.js';
import { truthFromStates, truthFromTrace } from './truth.js';

/**
 * The truth `score` reads from a trace counts each ward as the backtest's own
 * census counter does (an independent reading of the same trace), at any
 * minute past the hour; a state's truth is its census at its moment.
 */
describe('the truth of a trace and of states', () => {
  const scenario = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
  const days = 10;
  const model = compileScenario({ ...scenario, warmupDays: 0, horizonDays: days });
  const buffer = new TraceBuffer();
  runHospital(model, { seed: 'truth', replication: 1, trace: buffer });
  const trace = buffer.toData();
  const truth = truthFromTrace(model, trace, scenario.start);
  const start = localMinutes(scenario.start);
  const wards = model.resources.filter((r) => r.kind === 'ward').map((r) => r.name);

  it("each ward's census at every hour mark is the backtest counter's", () => {
    const census = hourlyCensus(model, trace, days * 24 - 1);
    wards.forEach((w, k) => {
      for (let h = 0; h < days * 24; h++) expect(truth.valueAt(w, start + h * 60)).toBe(census[k]![h]);
    });
    expect(truth.series).toEqual([...wards, 'edWaiting']);
    // The ED has patients waiting at some hours and none at others.
    const waiting = Array.from({ length: days * 24 }, (_, h) => truth.valueAt('edWaiting', start + h * 60));
    expect(Math.max(...waiting)).toBeGreaterThan(2);
  });

  it("at half past the hour the census is the state's taken then, and outside the trace nothing is known", () => {
    const at = 6 * 1440 + 14 * 60 + 30;
    const taken = takeState(scenario, at, 'truth');
    for (const w of wards) expect(truth.valueAt(w, start + at)).toBe(taken.state.patients.filter((p) => p.ward === w).length);
    expect(truth.valueAt(wards[0]!, start - 60)).toBeNaN();
    expect(truth.valueAt(wards[0]!, start + (days + 1) * 1440)).toBeNaN();
    expect(truth.valueAt('roof', start + at)).toBeNaN();
  });

  it("a series of states: each ward's census at each state's moment, nothing between", () => {
    const moments = [3 * 1440 + 7 * 60, 5 * 1440 + 19 * 60];
    const states = moments.map((at) => ({ state: parseState(takeState(scenario, at, 'truth').state, `at ${at}`), source: `at ${at}` }));
    const fromStates = truthFromStates(scenario, states);
    moments.forEach((at) => {
      for (const w of wards) expect(fromStates.valueAt(w, start + at)).toBe(truth.valueAt(w, start + at));
    });
    expect(fromStates.valueAt(wards[0]!, start + moments[0]! + 60)).toBeNaN();
  });
});
