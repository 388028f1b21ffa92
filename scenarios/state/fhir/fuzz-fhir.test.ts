/**
 * Seeded mutation fuzz of the FHIR readers not covered by fuzz-state.test.ts:
 * bulk-export NDJSON (resources edited, and lines cut, doubled or broken) and
 * the mapping file. Every case is either read and placed in the model with
 * nobody counted twice, or refused with a StateError whose problems each have
 * a path (or a line); never a TypeError or a stack.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../builtin/index.js';
import { parseScenario } from '../../load.js';
import { forecastModel } from '../forecast-model.js';
import { StateError } from '../state-error.js';
import { bundleItems, ndjsonItems, parseFhirMapping, stateFromFhir } from './fhir-to-state.js';
import { allPaths, FUZZ_RUNS, FUZZ_SEED, HOSTILE_VALUES, mutated, mutations, type Json } from '../../../test/fuzz/json-mutations.js';

const example = (name: string): string => readFileSync(new URL(`../../../examples/state/${name}`, import.meta.url), 'utf8');
const hospital = parseScenario(builtinScenario('general-hospital')!.document, 'general-hospital');
const mappingDocument = JSON.parse(example('fhir-mapping.json')) as Json;
const mapping = parseFhirMapping(mappingDocument);
const bundle = JSON.parse(example('fhir-bundle.json')) as { entry: { resource: Json }[] };
const resources: Json = bundle.entry.map((e) => e.resource);

/** Values a broken export leaves behind, with the names FHIR and the mapping use. */
const VALUES: Json[] = [
  ...HOSTILE_VALUES,
  'Encounter',
  'Appointment',
  'in-progress',
  'finished',
  'booked',
  'Location/__proto__',
  'Location/med-a',
  'medicalWard',
  'edWalkIn',
  'EMER',
  '2026-02-30T08:00:00Z',
  '2026-03-02T07:00:00Z',
  { reference: 'Location/icu' },
];

/** Read and placed with nobody twice, or refused with a path: which, and fails on any other error. */
function outcome(read: () => ReturnType<typeof stateFromFhir>): 'read' | 'refused' {
  try {
    const state = read();
    const ids = state.patients.flatMap((p) => (p.id === undefined ? [] : [p.id]));
    expect(new Set(ids).size).toBe(ids.length);
    forecastModel(hospital, state, 6);
    return 'read';
  } catch (e) {
    if (!(e instanceof StateError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const i of e.issues) {
      expect(i.path).not.toBe('');
      expect(i.message).not.toMatch(/Invalid input|\[object Object\]|TypeError/);
    }
    return 'refused';
  }
}

describe('the FHIR NDJSON and mapping readers under hundreds of mutated inputs', () => {
  it('bulk-export NDJSON with resources edited, and lines cut, doubled or broken: read, or refused by line', () => {
    const paths = allPaths(resources);
    const seen = { read: 0, refused: 0 };
    fc.assert(
      fc.property(mutations, fc.nat(), fc.nat(3), (ms, at, damage) => {
        const lines = (mutated(resources, paths, ms, VALUES) as Json[]).map((r) => JSON.stringify(r) ?? 'undefined');
        const k = at % lines.length;
        const line = lines[k]!;
        if (damage === 1) lines[k] = line.slice(0, at % (line.length + 1));
        else if (damage === 2) lines.splice(k, 0, line);
        else if (damage === 3) lines[k] = `${line}\r`;
        const text = lines.join('\n');
        seen[outcome(() => stateFromFhir(ndjsonItems(text, 'export.ndjson'), mapping, '2026-03-02T07:00:00Z', 'export.ndjson'))]++;
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    expect(seen.read).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(100);
  });

  it('a mapping file edited: the example Bundle read through it, or the mapping refused by path', () => {
    const paths = allPaths(mappingDocument);
    const { items, timestamp } = bundleItems(bundle, 'fhir-bundle.json');
    const seen = { read: 0, refused: 0 };
    fc.assert(
      fc.property(mutations, (ms) => {
        const doc = mutated(mappingDocument, paths, ms, VALUES);
        seen[outcome(() => stateFromFhir(items, parseFhirMapping(doc, 'mapping.json'), timestamp, 'fhir-bundle.json'))]++;
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    expect(seen.read).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(100);
  });
});
