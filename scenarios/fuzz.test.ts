import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runHospital } from '../sim-core/index.js';
import { compileScenario, parseScenario, ScenarioError } from './index.js';
import { smallHospital } from './fixtures/small-hospital.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path in the document, containers included, so mutations can hit any level. */
function allPaths(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

function get(doc: Json, path: Path): Json | undefined {
  let here: Json | undefined = doc;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, Json>)[key];
  }
  return here;
}

/** Values a careless edit or a broken export might leave behind. */
const REPLACEMENTS: Json[] = [
  -1, 0, 0.5, 1, 2, 3, 7, 24, 59.5, 1e9, -1e9, '', 'x', 'ward', 'icu', 'doctor', 'ct', 'kit', 'home', 'acuity', 'all', '08:00', '24:00', '25:00',
  '2026-02-30T00:00', null, true, false, [], {}, [1], ['ward'], { type: 'constant', value: 1 }, { type: 'exponential', mean: 0 }, { goto: 'home' },
];

type Mutation = { path: number; kind: 'set' | 'scale' | 'delete' | 'duplicate'; value: number };

/** Plausible edits of a number (more beds, half the staff), which mostly stay valid. */
const FACTORS = [0, 0.5, 2, 3, 10, -1, 1.5];

function applyMutation(doc: Json, paths: Path[], m: Mutation): void {
  const path = paths[m.path % paths.length]!;
  if (path.length === 0) return;
  const parent = get(doc, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (parent === null || typeof parent !== 'object' || parent === undefined) return;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (m.kind === 'delete') parent.splice(key, 1);
    else if (m.kind === 'duplicate') parent.splice(key, 0, structuredClone(parent[key]!));
    else if (m.kind === 'scale') parent[key] = scaled(parent[key]!, m.value);
    else parent[key] = structuredClone(REPLACEMENTS[m.value % REPLACEMENTS.length]!);
  } else {
    const obj = parent as Record<string, Json>;
    if (m.kind === 'delete') delete obj[key];
    else if (m.kind === 'duplicate') obj[`${key}Copy`] = structuredClone(obj[key]!);
    else if (m.kind === 'scale') obj[key] = scaled(obj[key]!, m.value);
    else obj[key] = structuredClone(REPLACEMENTS[m.value % REPLACEMENTS.length]!);
  }
}

function scaled(value: Json, which: number): Json {
  return typeof value === 'number' ? value * FACTORS[which % FACTORS.length]! : value;
}

/** Every value the user wrote is in the validated scenario, unchanged: nothing coerced or dropped. */
function expectKeptAsWritten(input: Json, output: unknown, path: Path = []): void {
  if (input !== null && typeof input === 'object') {
    for (const [k, v] of Object.entries(input)) expectKeptAsWritten(v, (output as Record<string, unknown>)[k], [...path, k]);
  } else {
    expect(output, `value at ${path.join('.')}`).toBe(input);
  }
}

const base = smallHospital as unknown as Json;
const basePaths = allPaths(base);

describe('the loader and runner under thousands of mutated scenarios', () => {
  it('each mutated scenario is either refused with located errors, or runs with exactly the values written', () => {
    let refused = 0;
    let ran = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ path: fc.nat(), kind: fc.constantFrom<Mutation['kind']>('set', 'set', 'scale', 'scale', 'scale', 'delete', 'duplicate'), value: fc.nat() }),
          { minLength: 1, maxLength: 3 },
        ),
        (mutations) => {
          const doc = structuredClone(base);
          for (const m of mutations) applyMutation(doc, basePaths, m);
          let scenario;
          try {
            scenario = parseScenario(doc, 'mutant');
          } catch (e) {
            expect(e).toBeInstanceOf(ScenarioError);
            const issues = (e as ScenarioError).issues;
            expect(issues.length).toBeGreaterThan(0);
            for (const issue of issues) {
              expect(issue.message.length).toBeGreaterThan(5);
              expect(issue.message).not.toMatch(/Invalid input|undefined|\[object Object\]/);
            }
            refused++;
            return;
          }
          expectKeptAsWritten(doc, scenario);
          const result = runHospital(compileScenario(scenario), { seed: 1, replication: 1 });
          for (const [id, v] of Object.entries(result.figures)) expect(typeof v, id).toBe('number');
          ran++;
        },
      ),
      { numRuns: 2000, seed: 20261123 },
    );
    // Both outcomes must actually occur, or the test shows nothing.
    expect(refused).toBeGreaterThan(200);
    expect(ran).toBeGreaterThan(200);
  });
});
