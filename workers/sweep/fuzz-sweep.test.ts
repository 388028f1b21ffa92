/**
 * Seeded mutation fuzz of the sweep reader, as the other readers' fuzz does:
 * 500 edits of a real sweep (a grid, and a list of combinations), each either
 * refused with a SweepSpecError by path, or planned with every point of its
 * design kept, never another error.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../scenarios/index.js';
import { expandPoints } from './expand-points.js';
import { planSweep } from './plan-sweep.js';
import { parseSweepSpec, SweepSpecError } from './sweep-spec.js';
import { allPaths, FUZZ_RUNS, FUZZ_SEED, HOSTILE_VALUES, mutated, mutations, type Json } from '../../test/fuzz/json-mutations.js';

const grid = parse(readFileSync(new URL('./examples/cubicles.yaml', import.meta.url), 'utf8')) as Json;
const list: Json = {
  name: 'pairs',
  base: 'textbook-mmc',
  combinations: [{ 'resources.cubicle.units': 3 }, { 'resources.cubicle.units': 4, horizonDays: 60 }],
  replications: 2,
  keep: ['wait.cubicle'],
};
const base = builtinScenario('textbook-mmc')!.document;

/** Values a careless edit leaves behind, with the names a sweep uses. */
const VALUES: Json[] = [
  ...HOSTILE_VALUES,
  'resources.cubicle.units',
  'resources.*.units',
  'resources[0].units',
  'resources.nowhere.units',
  'patientClasses[0].arrivals.perDay',
  'wait.cubicle',
  'wait.cubicle.mean',
  'min',
  [3, 3],
  [1, 2, 3],
  [-1],
  { figure: 'wait.cubicle.mean', atMost: 30 },
  { 'resources.cubicle.units': [3, 4] },
];

/** Planned with every point of the design, or refused by path: which, and fails on any other error. */
function outcome(doc: Json): 'planned' | 'refused' {
  try {
    const spec = parseSweepSpec(doc, 'mutant');
    const plan = planSweep(spec, structuredClone(base), 'mutant');
    expect(plan.points).toHaveLength(expandPoints(spec).length);
    return 'planned';
  } catch (e) {
    if (!(e instanceof SweepSpecError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const i of e.issues) expect(i.message).not.toMatch(/Invalid input|\[object Object\]|TypeError/);
    return 'refused';
  }
}

describe('the sweep reader under hundreds of mutated sweeps', () => {
  for (const [name, spec] of [
    ['a grid', grid],
    ['a list of combinations', list],
  ] as const) {
    it(`${name}: each mutated sweep is refused by path, or planned with every point kept`, () => {
      const paths = allPaths(spec);
      const seen = { planned: 0, refused: 0 };
      fc.assert(
        fc.property(mutations, (ms) => {
          seen[outcome(mutated(spec, paths, ms, VALUES))]++;
        }),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
      );
      expect(seen.planned).toBeGreaterThan(20);
      expect(seen.refused).toBeGreaterThan(100);
    }, 120_000);
  }
});
