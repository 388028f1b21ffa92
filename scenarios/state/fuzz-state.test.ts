/**
 * Seeded mutation fuzz of the state readers, as scenarios/fuzz.test.ts does for
 * scenarios: a state in our JSON, its patients CSV, and a FHIR Bundle, each
 * edited as a careless hand or a broken export would, 500 times. Every case
 * is either read and placed in the model, with every patient kept, or refused
 * with a StateError whose problems each have a path; never another error.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../builtin/index.js';
import { parseScenario } from '../load.js';
import { forecastModel } from './forecast-model.js';
import { bundleItems, parseFhirMapping, stateFromFhir } from './fhir/fhir-to-state.js';
import { parseState } from './parse-state.js';
import { StateError } from './state-error.js';
import { allPaths, FUZZ_RUNS, FUZZ_SEED, HOSTILE_VALUES, mutated, mutations, type Json } from '../../test/fuzz/json-mutations.js';

const example = (name: string): string => readFileSync(new URL(`../../examples/state/${name}`, import.meta.url), 'utf8');
const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
const mapping = parseFhirMapping(JSON.parse(example('fhir-mapping.json')));

/** Values a broken export or a hostile file leaves behind, with the names a state uses. */
const VALUES: Json[] = [
  ...HOSTILE_VALUES,
  'medicalWard',
  'edCubicle',
  'triage',
  'in-progress',
  'Location/__proto__',
  '2026-02-30T08:00',
  '2026-03-02T07:00',
  '2026-03-02T07:00:00+00:00',
];

/** Read and placed, or refused by path: counts each, and fails on any other error. */
function outcome(read: () => { patients: readonly unknown[] }, expectedPatients?: number): 'read' | 'refused' {
  try {
    const state = read();
    if (expectedPatients !== undefined) expect(state.patients).toHaveLength(expectedPatients);
    // Nobody counted twice: a patient's id, and a ward's bed, are each given once.
    const ids = (state.patients as { id?: string; ward?: string; bed?: string }[]).flatMap((p) => (p.id === undefined ? [] : [p.id]));
    expect(new Set(ids).size).toBe(ids.length);
    forecastModel(hospital, state as Parameters<typeof forecastModel>[1], 6);
    return 'read';
  } catch (e) {
    if (!(e instanceof StateError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const i of e.issues) expect(i.message).not.toMatch(/Invalid input|\[object Object\]/);
    return 'refused';
  }
}

describe('the state readers under hundreds of mutated inputs', () => {
  it('a state JSON: read with every patient kept, or refused by path', () => {
    const base = JSON.parse(example('general-hospital-monday.json')) as Json;
    const paths = allPaths(base);
    const seen = { read: 0, refused: 0 };
    fc.assert(
      fc.property(mutations, (ms) => {
        const doc = mutated(base, paths, ms, VALUES);
        const patients = (doc as { patients?: unknown }).patients;
        seen[outcome(() => parseState(doc, 'mutant'), Array.isArray(patients) ? patients.length : undefined)]++;
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    expect(seen.read).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(100);
  });

  it('a patients CSV cut, with a cell lost, a stray quote or a line twice: read with every row, or refused by line', () => {
    const text = example('general-hospital-2026-02-19-patients.csv').split('\n').slice(0, 40).join('\n');
    const state = { asOf: '2026-02-19T07:00', patientsCsv: 'p.csv' };
    const seen = { read: 0, refused: 0 };
    fc.assert(
      fc.property(fc.nat(), fc.nat(5), (at, kind) => {
        const i = at % text.length;
        const lines = text.split('\n');
        const damaged = [
          text.slice(0, i),
          text.slice(0, i) + text.slice(i + 1),
          `${text.slice(0, i)}"${text.slice(i)}`,
          `\uFEFF${text}`,
          text.slice(0, i) + ',' + text.slice(i),
          [...lines.slice(0, (at % (lines.length - 1)) + 2), lines[(at % (lines.length - 1)) + 1]!, ...lines.slice((at % (lines.length - 1)) + 2)].join('\n'),
        ][kind]!;
        const rows = damaged.split('\n').filter((l) => l.trim() !== '').length - 1;
        seen[outcome(() => parseState(state, 'mutant', { text: damaged, file: 'p.csv' }), Math.max(0, rows))]++;
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    expect(seen.read).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(100);
  });

  it('a FHIR Bundle: read, or refused by the path of the resource', () => {
    const base = JSON.parse(example('fhir-bundle.json')) as Json;
    const paths = allPaths(base);
    const seen = { read: 0, refused: 0 };
    fc.assert(
      fc.property(mutations, (ms) => {
        const doc = mutated(base, paths, ms, VALUES);
        seen[
          outcome(() => {
            const { items, timestamp } = bundleItems(doc, 'mutant');
            return stateFromFhir(items, mapping, timestamp, 'mutant');
          })
        ]++;
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    expect(seen.read).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(100);
  });
});
