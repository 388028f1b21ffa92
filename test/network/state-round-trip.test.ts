/**
 * export-state and forecast on a network lose nobody: a state taken at a
 * minute of a run holds every patient in the region then, those on the road
 * between sites included (at their trip, with where they are going and the
 * ambulance they hold), and those who wait with a bed reserved at the other
 * site (reserveBed) holding it; a forecast from that state starts with exactly
 * those patients, and each one on the road arrives where it was going, within
 * what is left of its trip.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  builtinScenario,
  compileScenario,
  forecastModel,
  localMinutes,
  parseScenario,
  parseState,
  stateFromTrace,
  type Scenario,
} from '../../scenarios/index.js';
import { readTrace, runHospital, TraceBuffer, type TraceData } from '../../sim-core/index.js';
import { takeState } from '../../workers/index.js';

/** Patients in the region at `at` (arrived, not yet left) and units held of each resource, read from the trace. */
function inSystem(trace: TraceData, at: number): { patients: Set<number>; held: Map<string, number> } {
  const patients = new Set<number>();
  const held = new Map<string, number>();
  readTrace(
    trace,
    (e) => {
      if (e.kind === 'arrived') patients.add(e.patient);
      else if (e.kind === 'left') patients.delete(e.patient);
      else if (e.kind === 'seized') held.set(e.resource, (held.get(e.resource) ?? 0) + 1);
      else if (e.kind === 'released') held.set(e.resource, (held.get(e.resource) ?? 0) - 1);
    },
    { until: at },
  );
  return { patients, held };
}

type Taken = ReturnType<typeof stateFromTrace>;

/** The state's units held of each resource (ward and holding). */
function heldInState(taken: Taken): Map<string, number> {
  const held = new Map<string, number>();
  for (const p of taken.state.patients) for (const r of [...(p.ward ? [p.ward] : []), ...(p.holding ?? [])]) held.set(r, (held.get(r) ?? 0) + 1);
  return held;
}

/** A forecast of `hours` from the state: its trace, from which placed patients and their first rows are read. */
function forecastTrace(scenario: Scenario, taken: Taken, hours: number, replication: number): TraceData {
  const state = parseState(taken.state, 'taken');
  const fm = forecastModel(scenario, state, hours);
  const trace = new TraceBuffer();
  runHospital({ ...fm.model, horizon: hours * 60 }, { seed: 3, replication, trace, initialState: fm.initialState });
  return trace.toData();
}

/** Checks a state taken at `at` against the run, and a forecast from it; returns the state's patients on a trip. */
function checkRoundTrip(scenario: Scenario, trace: TraceData, at: number, longest: (from: string, to: string) => number): Taken['state']['patients'] {
  const model = compileScenario({ ...scenario, warmupDays: 0, horizonDays: at / 1440 + 1 });
  const taken = stateFromTrace(model, trace, at, localMinutes(scenario.start));
  const truth = inSystem(trace, at);
  // Count identity: every patient in the region is in the state, once, and the units they hold agree.
  expect(taken.skipped, `minute ${at}`).toEqual([]);
  expect(taken.state.patients.map((p) => Number(p.id!.slice(1))).sort((a, b) => a - b)).toEqual([...truth.patients].sort((a, b) => a - b));
  const held = heldInState(taken);
  for (const [r, n] of truth.held) expect(held.get(r) ?? 0, `${r} at minute ${at}`).toBe(n);
  const onTrip = taken.state.patients.filter((p) => p.step.startsWith('transfer:') || p.step.startsWith('diversion:'));
  for (const p of onTrip) expect(p.to, `P${p.id} on ${p.step}`).toBeDefined();

  // The forecast starts with the same patients (each placed once), and each on the road reaches its `to`.
  const f = forecastTrace(scenario, taken, 6, 1);
  const placed: number[] = [];
  const serialOf = new Map<number, string>();
  const firstAfterTrip = new Map<number, { time: number; name: string }>();
  const tripEnd = new Map<number, number>();
  readTrace(f, (e) => {
    if (e.kind === 'arrived' && e.placed) {
      placed.push(e.patient);
      serialOf.set(e.patient, taken.state.patients[placed.length - 1]!.id!);
    }
    if (e.kind === 'finished' && (e.activity.startsWith('transfer:') || e.activity.startsWith('diversion:')) && !tripEnd.has(e.patient))
      tripEnd.set(e.patient, e.time);
    else if (tripEnd.has(e.patient) && !firstAfterTrip.has(e.patient)) {
      const name = e.kind === 'started' || e.kind === 'finished' ? e.activity : 'resource' in e ? e.resource : '';
      if (name.includes('_')) firstAfterTrip.set(e.patient, { time: e.time, name });
    }
  });
  expect(placed).toHaveLength(taken.state.patients.length);
  const forecastSlot = new Map([...serialOf].map(([slot, id]) => [id, slot]));
  const start = localMinutes(taken.state.asOf);
  for (const p of onTrip) {
    const slot = forecastSlot.get(p.id!)!;
    const end = tripEnd.get(slot);
    expect(end, `P${p.id} arrives within the forecast`).toBeDefined();
    // What is left of the trip: at most the longest trip less the time already on the road.
    const elapsed = start - localMinutes(p.since.slice(0, 16));
    const from = (p.pathway ?? p.class).split('_')[0]!;
    expect(end!, `P${p.id} from ${from} to ${p.to}`).toBeLessThanOrEqual(longest(from, p.to!) - elapsed + 1);
    const next = firstAfterTrip.get(slot);
    if (next) expect(next.name.startsWith(`${p.to}_`), `P${p.id} goes on at ${p.to}, not ${next.name}`).toBe(true);
  }
  return onTrip;
}

/** The consortium's longest trip between two sites: each county's road to the tertiary site (triangular maxima), either way. */
function longest(from: string, to: string): number {
  const county = from === 'tertiary' ? to : from;
  return { east: 60, north: 80, west: 110 }[county] ?? Infinity;
}

describe('the consortium: a state and a forecast lose nobody, those on the road included', () => {
  const b = builtinScenario('consortium')!;
  const scenario = parseScenario(b.document, b.name);
  let trace: TraceData;
  beforeAll(() => {
    const model = compileScenario({ ...scenario, warmupDays: 0, horizonDays: 12 });
    const buffer = new TraceBuffer();
    runHospital(model, { seed: scenario.seed, replication: 1, trace: buffer });
    trace = buffer.toData();
  });

  it('at twelve minutes of days 8 to 10, every patient is in the state and in the forecast, and each on the road arrives where it was going', () => {
    const trips: string[] = [];
    for (let k = 0; k < 12; k++) {
      const onTrip = checkRoundTrip(scenario, trace, 8 * 1440 + k * 173, longest);
      trips.push(...onTrip.map((p) => p.step));
    }
    // The minutes were chosen so that patients are on the road at some of them: the check is not empty.
    expect(trips.filter((s) => s.startsWith('transfer:')).length).toBeGreaterThan(0);
  });

  it('export-state (takeState) writes the destination of each trip in progress', () => {
    const taken = takeState(scenario, 8 * 1440 + 173 * 5, scenario.seed, 1);
    expect(taken.skipped).toEqual([]);
    for (const p of taken.state.patients.filter((x) => x.step.startsWith('transfer:'))) expect(['tertiary', 'east', 'north', 'west']).toContain(p.to);
  });
});

describe('a bed reserved at the other site (reserveBed) is carried over', () => {
  let scenario: Scenario;
  let trace: TraceData;
  beforeAll(async () => {
    const doc = JSON.parse(await readFile(resolve('examples/network/referral.json'), 'utf8')) as {
      sites: { hospital: { scenario: { pathways: Record<string, Record<string, unknown>[]> } } }[];
    };
    // East reserves a tertiary bed before the trip and travels holding it; the tertiary pathway does not seize it again.
    const east = doc.sites[0]!.hospital.scenario.pathways;
    east['visit']![3] = { ...east['visit']![3]!, reserveBed: true };
    doc.sites[1]!.hospital.scenario.pathways['referred'] = [{ hold: { type: 'exponential', mean: 4320 }, activity: 'specialist-care' }, { release: ['bed'] }];
    scenario = parseScenario({ ...doc, horizonDays: 12, warmupDays: 0 }, 'referral-reserve');
    const buffer = new TraceBuffer();
    runHospital(compileScenario({ ...scenario, horizonDays: 12 }), { seed: 1, replication: 1, trace: buffer });
    trace = buffer.toData();
  });

  it('patients on the road hold their tertiary bed in the state and in the forecast, and arrive there', () => {
    const withBed: string[][] = [];
    for (let k = 0; k < 24; k++) {
      const onTrip = checkRoundTrip(scenario, trace, 5 * 1440 + k * 97, () => 60);
      withBed.push(...onTrip.map((p) => [...(p.ward ? [p.ward] : []), ...(p.holding ?? [])]));
    }
    expect(withBed.length).toBeGreaterThan(0);
    for (const h of withBed) expect(h.sort()).toEqual(['ambulance', 'tertiary_bed']);
  });
});
