import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StateError } from '../../../scenarios/index.js';
import { readSnapshotFiles, type ChosenFile } from './snapshot-files.js';

const file = (name: string): ChosenFile => ({ name, text: readFileSync(new URL(`../../../examples/state/${name}`, import.meta.url), 'utf8') });
const MONDAY = file('general-hospital-monday.json');
const THURSDAY = file('general-hospital-2026-02-19.json');
const THURSDAY_CSV = file('general-hospital-2026-02-19-patients.csv');
const BUNDLE = file('fhir-bundle.json');
const MAPPING = file('fhir-mapping.json');

describe('the files chosen as a snapshot in Today', () => {
  it('reads our JSON alone, and a JSON whose patients are in a CSV file chosen with it (in either order)', () => {
    const monday = readSnapshotFiles([MONDAY]).state;
    expect(monday.patients).toHaveLength(JSON.parse(MONDAY.text).patients.length);
    expect(monday.patients.slice(0, 1).map((p) => p.id)).toEqual(['P2232']);
    const rows = THURSDAY_CSV.text.trim().split('\n').length - 1;
    const read = readSnapshotFiles([THURSDAY_CSV, THURSDAY]);
    expect(read.state.patients).toHaveLength(rows);
    expect(read.state.patientPaths[0]).toBe('general-hospital-2026-02-19-patients.csv line 2');
    expect(read.source).toBe('general-hospital-2026-02-19.json with general-hospital-2026-02-19-patients.csv');
  });

  it('says which CSV file to choose when the JSON names one that was not chosen', () => {
    expect(() => readSnapshotFiles([THURSDAY])).toThrow(
      'patientsCsv: general-hospital-2026-02-19.json names general-hospital-2026-02-19-patients.csv: choose that file together with it',
    );
  });

  it('reads a FHIR Bundle with its mapping file, asOf from its timestamp, as forecast --fhir-map does', () => {
    const read = readSnapshotFiles([MAPPING, BUNDLE]);
    expect(read.state.asOf).toBe('2026-03-02T07:00');
    expect(read.state.scenario).toBe('general-hospital');
    expect(read.state.patients.length).toBeGreaterThan(0);
    expect(read.state.patients.some((p) => p.ward === 'medicalWard')).toBe(true);
    expect(read.source).toBe('fhir-bundle.json (FHIR, mapped by fhir-mapping.json)');
  });

  it('asks for the mapping with a Bundle alone, and refuses a wrong snapshot by path', () => {
    expect(() => readSnapshotFiles([BUNDLE])).toThrow(/fhir-bundle\.json is a FHIR Bundle: choose it together with its mapping file/);
    expect(() => readSnapshotFiles([{ name: 'bad.json', text: '{"asOf": "yesterday", "patients": []}' }])).toThrow(StateError);
    expect(() => readSnapshotFiles([{ name: 'bad.json', text: '{"asOf": ' }])).toThrow(/bad\.json cannot be read as JSON/);
    expect(() => readSnapshotFiles([THURSDAY_CSV])).toThrow(/choose the snapshot's JSON file/);
  });
});
