import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StateError } from '../state-error.js';
import { problemsOf } from '../../../test/fuzz/json-mutations.js';
import { bundleItems, ndjsonItems, parseFhirMapping, stateFromFhir } from './fhir-to-state.js';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../examples/state/${name}`, import.meta.url), 'utf8'));
const mapping = parseFhirMapping(read('fhir-mapping.json'));
const bundle = read('fhir-bundle.json') as { entry: { resource: Record<string, unknown> }[]; timestamp: string };

/** The problems a state reader refuses with ([] if it reads the input); any other error fails the test. */
const problems = (f: () => unknown): string[] => problemsOf(f, StateError);

const fromBundle = (b: unknown): unknown => {
  const { items, timestamp } = bundleItems(b, 'bundle');
  return stateFromFhir(items, mapping, timestamp, 'bundle');
};

describe('FHIR input from another system, in any form, is refused by path', () => {
  it('the same Encounter twice is refused naming both entries (it doubled the census, silently)', () => {
    const twice = structuredClone(bundle);
    twice.entry.push(structuredClone(twice.entry[0]!));
    expect(problems(() => fromBundle(twice))).toEqual([`entry[${bundle.entry.length}].resource.id: Encounter "enc-1" is given twice: also entry[0].resource`]);
    // An Appointment twice too (it would book the patient twice).
    const booked = structuredClone(bundle);
    booked.entry.push(structuredClone(booked.entry[5]!));
    expect(problems(() => fromBundle(booked))).toEqual([
      `entry[${bundle.entry.length}].resource.id: Appointment "appt-1" is given twice: also entry[5].resource`,
    ]);
  });

  it('the same Encounter on two NDJSON lines names both lines', () => {
    const line = JSON.stringify(bundle.entry[0]!.resource);
    expect(problems(() => stateFromFhir(ndjsonItems(`${line}\n${line}\n`, 'Encounter.ndjson'), mapping, '2026-03-02T07:00', 'x'))).toEqual([
      'Encounter.ndjson line 2: id: Encounter "enc-1" is given twice: also Encounter.ndjson line 1',
    ]);
  });

  it('a Bundle whose entry is not a list is refused by path, not a TypeError', () => {
    expect(problems(() => fromBundle({ resourceType: 'Bundle', entry: 'x' }))).toEqual([expect.stringMatching(/^entry: must be array, got "x"/)]);
    expect(problems(() => fromBundle({ resourceType: 'Bundle', entry: [null, 3] }))).toEqual([
      expect.stringMatching(/^entry\[0\]: must be object, got null/),
      expect.stringMatching(/^entry\[1\]: must be object, got 3/),
    ]);
  });

  it('a location reference "__proto__" or "toString" is an unknown location, not a TypeError', () => {
    for (const ref of ['__proto__', 'toString']) {
      const bad = structuredClone(bundle);
      (bad.entry[0]!.resource['location'] as { location: { reference: string } }[])[0]!.location.reference = ref;
      expect(problems(() => fromBundle(bad))).toEqual([
        expect.stringMatching(new RegExp(`^entry\\[0\\]\\.resource\\.location\\[0\\]\\.location: unknown location "${ref}"`)),
      ]);
    }
  });

  it('resources of the wrong shape are refused by the path of the wrong part', () => {
    const bad = structuredClone(bundle);
    bad.entry[0]!.resource['location'] = [{ location: 'x' }];
    bad.entry[1]!.resource['period'] = 7;
    bad.entry[2]!.resource['type'] = [{ coding: [null] }];
    bad.entry[5]!.resource['status'] = { booked: true };
    expect(problems(() => fromBundle(bad))).toEqual([
      expect.stringMatching(/^entry\[0\]\.resource\.location\[0\]\.location: must be object/),
      expect.stringMatching(/^entry\[1\]\.resource\.period: must be object/),
      expect.stringMatching(/^entry\[2\]\.resource\.type\[0\]\.coding\[0\]: must be object/),
      expect.stringMatching(/^entry\[5\]\.resource\.status: must be string/),
    ]);
  });

  it('a mapping with a "__proto__" location is refused by path', () => {
    const m = JSON.parse('{"locations":{"__proto__":{"ward":"medicalWard"}},"encounters":[{"code":"IMP","class":"gpAdmission"}]}') as unknown;
    expect(problems(() => parseFhirMapping(m))).toEqual([expect.stringMatching(/^locations\.__proto__: is not a name/)]);
  });
});
