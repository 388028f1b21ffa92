import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../builtin/index.js';
import { parseScenario } from '../../load.js';
import { forecastModel } from '../forecast-model.js';
import { StateError } from '../state-error.js';
import { problemsOf } from '../../../test/fuzz/json-mutations.js';
import { bundleItems, ndjsonItems, parseFhirMapping, stateFromFhir } from './fhir-to-state.js';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../examples/state/${name}`, import.meta.url), 'utf8'));
const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
const mapping = parseFhirMapping(read('fhir-mapping.json'));

/** The problems a state reader refuses with ([] if it reads the input); any other error fails the test. */
const problems = (f: () => unknown): string[] => problemsOf(f, StateError);

describe('FHIR R4 reader', () => {
  it('a Bundle with every mapped resource: ward stays, an ED patient waiting for a bed, the waiting room, bookings', () => {
    const { items, timestamp } = bundleItems(read('fhir-bundle.json'), 'bundle');
    const state = stateFromFhir(items, mapping, timestamp, 'bundle');
    expect(state.asOf).toBe('2026-03-02T07:00');
    expect(state.patients.map((p) => [p.id, p.class, p.step, p.waiting, p.ward ?? null, p.holding, p.since])).toEqual([
      ['enc-1', 'gpAdmission', 'medicalWard', false, 'medicalWard', [], '2026-02-27T13:05'],
      ['enc-2', 'edWalkIn', 'toMedicalBed', true, null, ['edCubicle'], '2026-03-02T05:30'],
      ['enc-3', 'edWalkIn', 'triage', true, null, [], '2026-03-02T06:48'],
      ['enc-4', 'electiveOrtho', 'surgicalWard', false, 'surgicalWard', [], '2026-02-28T12:10'],
    ]);
    expect(state.patients[3]!.attributes).toEqual({ procedure: 'hipReplacement', theatre: 'or2' });
    expect(state.booked.map((b) => [b.id, b.class, b.at])).toEqual([
      ['appt-1', 'electiveOrtho', '2026-03-02T07:30'],
      ['appt-2', 'electiveOrtho', '2026-03-02T07:30'],
    ]);
    // And it is a state a forecast starts from.
    const f = forecastModel(hospital, state, 24);
    expect(f.initialState.patients).toHaveLength(4);
    expect(f.booked).toHaveLength(2);
  });

  it('the same resources as bulk $export NDJSON, one a line', () => {
    const bundle = read('fhir-bundle.json') as { entry: { resource: unknown }[] };
    const text = bundle.entry.map((e) => JSON.stringify(e.resource)).join('\n');
    const state = stateFromFhir(ndjsonItems(text, 'export.ndjson'), mapping, '2026-03-02T07:00:00Z', 'export');
    expect(state.patients).toHaveLength(4);
    expect(state.booked).toHaveLength(2);
  });

  it('a Bundle with mistakes is refused with each by its path: unknown location, encounter without period, appointment in the past', () => {
    const bundle = read('fhir-bundle.json') as { entry: { resource: Record<string, unknown> }[]; timestamp: string };
    const bad = structuredClone(bundle);
    (bad.entry[0]!.resource['location'] as { location: { reference: string } }[])[0]!.location.reference = 'Location/roof';
    delete bad.entry[2]!.resource['period'];
    bad.entry[5]!.resource['start'] = '2026-03-01T08:00:00+00:00';
    const { items, timestamp } = bundleItems(bad, 'bad');
    expect(problems(() => stateFromFhir(items, mapping, timestamp, 'bad'))).toEqual([
      expect.stringMatching(/^entry\[0\]\.resource\.location\[0\]\.location: unknown location "Location\/roof"/),
      'entry[2].resource.period: an encounter in progress needs period.start (when the patient arrived)',
      expect.stringMatching(/^entry\[5\]\.resource\.start: a booked appointment in the past \(2026-03-01T08:00, before 2026-03-02T07:00\)/),
    ]);
  });

  it('NDJSON problems carry the line; a mapping with mistakes is refused by path', () => {
    expect(problems(() => ndjsonItems('{"resourceType":"Encounter"}\n{oops', 'Encounter.ndjson'))).toEqual([
      expect.stringMatching(/^Encounter\.ndjson line 2: is not JSON/),
    ]);
    const text = JSON.stringify({
      resourceType: 'Encounter',
      status: 'in-progress',
      class: { code: 'nobody' },
      period: { start: '2026-03-01T00:00:00Z' },
      location: [{ location: { reference: 'Location/icu' }, status: 'active', period: { start: '2026-03-01T01:00:00Z' } }],
    });
    expect(problems(() => stateFromFhir(ndjsonItems(text, 'Encounter.ndjson'), mapping, '2026-03-02T07:00', 'x'))).toEqual([
      expect.stringMatching(/^Encounter\.ndjson line 1: class: no class for its codes nobody/),
    ]);
    expect(problems(() => parseFhirMapping({ locations: { 'Location/x': { holds: [] } }, encounters: [] }))).toEqual([
      expect.stringMatching(/^locations\["Location\/x"\]: needs a ward, or a step/),
      expect.stringMatching(/^encounters: must map at least one/),
    ]);
  });
});
