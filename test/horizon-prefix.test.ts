import { describe, expect, it } from 'vitest';
import { firstTraceDifference, runHospital, TraceBuffer, type TraceData, type TraceRecorder } from '../sim-core/index.js';
import { BUILTIN_SCENARIOS, builtinScenario, compileScenario, localMinutes, parseScenario, stateFromTrace, type ScenarioInput } from '../scenarios/index.js';
import { runScenario, takeState } from '../workers/index.js';

/**
 * Prefix consistency: the same scenario and seed give the same first days whatever the horizon, so a longer
 * run is the shorter one continued and a trace can serve as the truth for a snapshot taken from another run.
 * Every built-in runs at three horizons (warm-up as the scenario has it) and the traces must agree row for
 * row over the first 30 simulated days (warm-up included).
 */
const PREFIX_MINUTES = 30 * 1440;
const HORIZONS = [40, 400, 800];
const SEED = 27;

/** Keeps the rows before `until` only: an 800-day trace of the general hospital need not be held. */
class PrefixTrace implements TraceRecorder {
  readonly buffer = new TraceBuffer();
  constructor(private readonly until: number) {}
  record(time: number, entity: number, what: number, where: number): void {
    if (time < this.until) this.buffer.record(time, entity, what, where);
  }
  code(name: string): number {
    return this.buffer.code(name);
  }
  place(name: string): number {
    return this.buffer.place(name);
  }
}

function prefixOf(document: ScenarioInput, horizonDays: number): TraceData {
  const scenario = parseScenario({ ...document, horizonDays }, document.name);
  const trace = new PrefixTrace(PREFIX_MINUTES);
  runHospital(compileScenario(scenario), { seed: SEED, replication: 1, trace });
  return trace.buffer.toData();
}

function expectSamePrefix(document: ScenarioInput): void {
  const [short, ...longer] = HORIZONS.map((h) => prefixOf(document, h));
  expect(short!.length).toBeGreaterThan(100);
  for (const other of longer) expect(firstTraceDifference(short!, other)).toBe(-1);
}

/**
 * Flu season with what no built-in has yet: busy and quiet days (a day factor drawn each midnight) and a
 * second wave overlapping the first, so those draws are held to the same rule.
 */
function fluWithBusyDays(): ScenarioInput {
  const d = structuredClone(builtinScenario('flu-season')!.document);
  for (const c of d.patientClasses) {
    if (c.emergencyDepartment && c.arrivals.type === 'weekly') {
      c.arrivals.dayToDayCv = 0.25;
      c.arrivals.surges = [...(c.arrivals.surges ?? []), { peak: '01-20', weeks: 30, extra: 0.2 }];
    }
  }
  return { ...d, name: 'flu-season-busy-days' };
}

describe('a replication does not depend on its horizon', () => {
  for (const { name, document } of BUILTIN_SCENARIOS) {
    it(`${name}: the first 30 days agree at ${HORIZONS.join(', ')} days`, () => expectSamePrefix(document));
  }

  it('flu season with busy and quiet days and two overlapping waves: the first 30 days agree too', () => expectSamePrefix(fluWithBusyDays()));
});

describe('export-state at a minute is what run --trace shows at that minute', () => {
  // The case: flu-season at 2026-02-14T07:00, in the wave. export-state runs replication 1 with no
  // warm-up just to that minute; run --trace runs it over the scenario's own warm-up and horizon (386 days,
  // two waves) and reads the same minute. Both through the functions the commands call.
  const flu = parseScenario(builtinScenario('flu-season')!.document, 'flu-season');
  const at = localMinutes('2026-02-14T07:00') - localMinutes(flu.start);

  it('flu-season: the same patients, in the same places, since the same times', async () => {
    const exported = takeState(flu, at, SEED);
    const run = await runScenario(flu, { replications: 1, seed: SEED, trace: true });
    const traced = stateFromTrace(compileScenario(flu), run.trace!, at, localMinutes(flu.start));
    expect(exported.state.patients.length).toBeGreaterThan(100);
    expect(traced.state).toEqual(exported.state);
    expect(traced.skipped).toEqual(exported.skipped);
    expect(traced.guessed).toEqual(exported.guessed);
  });
});
