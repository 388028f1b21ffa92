import { describe, expect, it } from 'vitest';
import { compileScenario, forecastModel, localMinutes, parseScenario, parseState, builtinScenario, stateFromTrace } from '../scenarios/index.js';
import { runHospital, TraceBuffer } from '../sim-core/index.js';
import { runForecastReplication, summariseForecast } from '../workers/index.js';

const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
const at = 45 * 1440 + 7 * 60; // day 45, 07:00

/** Replication 1 of the general hospital run to `at`, with its trace. */
function reference(): { model: ReturnType<typeof compileScenario>; trace: ReturnType<TraceBuffer['toData']> } {
  const model = compileScenario({ ...hospital, warmupDays: 0, horizonDays: at / 1440 });
  const trace = new TraceBuffer();
  runHospital(model, { seed: 1, replication: 1, trace });
  return { model, trace: trace.toData() };
}

describe('a state taken from a run', () => {
  const { model, trace } = reference();
  const taken = stateFromTrace(model, trace, at, localMinutes(hospital.start));

  it('has every patient the run had in a bed, in the right ward', () => {
    // Beds held at `at` by the trace's own count of seizes and releases.
    const held = new Map<string, number>();
    for (let i = 0; i < trace.length && trace.time[i]! <= at; i++) {
      const what = trace.whatNames[trace.what[i]!]!;
      const where = trace.whereNames[trace.where[i]!]!;
      if (what === 'seize') held.set(where, (held.get(where) ?? 0) + 1);
      if (what === 'release') held.set(where, (held.get(where) ?? 0) - 1);
    }
    for (const r of model.resources.filter((x) => x.kind === 'ward')) {
      expect(taken.state.patients.filter((p) => p.ward === r.name).length, r.name).toBe(held.get(r.name) ?? 0);
    }
    expect(taken.state.patients.length).toBeGreaterThan(150);
    expect(taken.skipped).toEqual([]);
  });

  it("keeps what each patient's stay depends on: an elective's procedure and theatre, an ED patient's acuity, and each case-mix group", () => {
    const electives = taken.state.patients.filter((p) => p.class.startsWith('elective'));
    expect(electives.length).toBeGreaterThan(0);
    for (const p of electives) expect(Object.keys(p.attributes ?? {}).sort()).toEqual(['drg', 'procedure', 'theatre']);
    for (const p of taken.state.patients.filter((q) => q.class.startsWith('ed'))) expect(Object.keys(p.attributes ?? {}).sort()).toEqual(['acuity', 'drg']);
  });

  it("round trip: run -> state -> forecast at horizon 0 gives back the state's census exactly", () => {
    const state = parseState(taken.state, 'taken');
    const fm = forecastModel(hospital, state, 0);
    for (let rep = 1; rep <= 3; rep++) {
      const r = runForecastReplication(fm, 0, 7, rep).forecast;
      const wards = fm.model.resources.filter((x) => x.kind === 'ward');
      wards.forEach((w, k) => expect(r.census[k], w.name).toEqual([state.patients.filter((p) => p.ward === w.name).length]));
    }
  });

  it('the forecast starts where the state is and its band widens with the hours', () => {
    const state = parseState(taken.state, 'taken');
    const fm = forecastModel(hospital, state, 24);
    const reps = Array.from({ length: 20 }, (_, i) => runForecastReplication(fm, 24, 1, i + 1).forecast);
    const s = summariseForecast(fm.model, state.asOf, 24, fm.booked, reps);
    const medical = s.wards.find((w) => w.ward === 'medicalWard')!;
    expect(medical.byHour[0]!.p90 - medical.byHour[0]!.p10).toBe(0);
    expect(medical.byHour[24]!.p90 - medical.byHour[24]!.p10).toBeGreaterThan(0);
    expect(medical.byHour).toHaveLength(25);
  });
});

describe('a run without its figures (as a forecast runs)', () => {
  it('is the same run: the same trace, event by event, and an empty figures object', () => {
    const model = compileScenario({ ...hospital, warmupDays: 0, horizonDays: 3 });
    const traces = [true, false].map((figures) => {
      const trace = new TraceBuffer();
      const r = runHospital(model, { seed: 5, replication: 2, trace, figures });
      return { data: trace.toData(), r };
    });
    const [full, bare] = traces as [(typeof traces)[0], (typeof traces)[0]];
    expect(Object.keys(full.r.figures).length).toBeGreaterThan(100);
    expect(bare.r.figures).toEqual({});
    expect(bare.r.events).toBe(full.r.events - 73); // the census read on the hour for figures, at minutes 0, 60, …, 4320
    expect(bare.data.length).toBe(full.data.length);
    expect(Array.from(bare.data.time)).toEqual(Array.from(full.data.time));
    expect(Array.from(bare.data.entity)).toEqual(Array.from(full.data.entity));
    expect(Array.from(bare.data.what).map((w) => bare.data.whatNames[w])).toEqual(Array.from(full.data.what).map((w) => full.data.whatNames[w]));
  });
});
