import { describe, expect, it } from 'vitest';
import { builtinScenario, compileScenario, localMinutes, parseScenario, parseState } from '../../scenarios/index.js';
import { runHospital, TraceBuffer } from '../../sim-core/index.js';
import { hourlyCensus } from '../forecast/backtest.js';
import { takeState } from '../forecast/take-state.js';
import { truthFromStates, truthFromTrace, truthFromWardStays } from './truth.js';

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

  it("an event log's ward stays: a stay counts from the minute it begins, not at the minute it ends; open stays to the log's end", () => {
    const t0 = start;
    const stays = [
      { ward: 'icu', start: t0 + 60, end: t0 + 180 },
      { ward: 'icu', start: t0 + 120, end: null },
      { ward: 'icu', start: t0 + 179, end: t0 + 181 },
      { ward: 'stepDown', start: t0, end: t0 + 60 },
      { ward: 'elsewhere', start: t0, end: t0 + 600 },
    ];
    const log = truthFromWardStays(model, { stays, from: t0, until: t0 + 600 }, 'a hand-made log');
    // By hand: at 60 one (the first begins), at 120 two, at 179 three, at 180 two (the first ended), at 181 one.
    expect([59, 60, 120, 179, 180, 181, 600].map((m) => log.valueAt('icu', t0 + m))).toEqual([0, 1, 2, 3, 2, 1, 1]);
    expect([0, 59, 60].map((m) => log.valueAt('stepDown', t0 + m))).toEqual([1, 1, 0]);
    // A ward of the scenario the log never names holds nobody; a log names no ED queue; outside the log nothing is known.
    expect(log.valueAt('surgicalWard', t0 + 300)).toBe(0);
    expect(log.valueAt('edWaiting', t0 + 300)).toBeNaN();
    expect(log.valueAt('icu', t0 - 1)).toBeNaN();
    expect(log.valueAt('icu', t0 + 601)).toBeNaN();
    expect(log.series).toEqual(wards);
  });
});
