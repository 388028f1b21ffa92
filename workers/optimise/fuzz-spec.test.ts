/**
 * Seeded mutation fuzz of the optimise spec reader, as scenarios/fuzz.test.ts
 * does for scenarios: 500 edits of a real spec, each either refused with an
 * OptimiseSpecError by path, or built into a decision space (its problems by
 * path) without any other error, and quickly (a range of a trillion values
 * was a fatal allocation).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildDecisionSpace, cornerIssues } from './decision-space.js';
import { parseOptimiseSpec } from './load-optimise.js';
import { OptimiseSpecError } from './optimise-spec.js';

/** Cases per reader: 500 in `npm test`, more in `npm run fuzz` (nightly). */
const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const example = (name: string): Json => parse(readFileSync(new URL(`./examples/${name}`, import.meta.url), 'utf8')) as Json;
const spec = example('ed-staffing.yaml');
const base = example('ed-and-ward.yaml');

function allPaths(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

const VALUES: Json[] = [
  -1,
  0,
  1,
  1e12,
  -1e12,
  0.5,
  '',
  'x',
  '__proto__',
  'staff[*].shifts[*].count',
  'wards.nowhere.beds',
  null,
  true,
  [],
  {},
  [1e12],
  { from: 1, to: 1e12 },
];

describe('the optimise spec reader under hundreds of mutated specs', () => {
  it('each mutated spec is refused by path, or builds a decision space, never another error', () => {
    const paths = allPaths(spec);
    const seen = { refused: 0, built: 0 };
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.nat()), { minLength: 1, maxLength: 3 }), (edits) => {
        const doc = structuredClone(spec);
        for (const [p, kind, v] of edits) {
          const path = paths[p % paths.length]!;
          if (path.length === 0) continue;
          let parent: Json | undefined = doc;
          for (const key of path.slice(0, -1))
            parent = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, Json>)[key] : undefined;
          if (parent === null || typeof parent !== 'object' || parent === undefined) continue;
          const key = path[path.length - 1]!;
          if (kind === 0) delete (parent as Record<string | number, Json>)[key];
          else Object.defineProperty(parent, key, { value: structuredClone(VALUES[v % VALUES.length]!), enumerable: true, writable: true, configurable: true });
        }
        let parsed;
        try {
          parsed = parseOptimiseSpec(doc, 'mutant');
        } catch (e) {
          expect(e).toBeInstanceOf(OptimiseSpecError);
          expect((e as OptimiseSpecError).issues.length).toBeGreaterThan(0);
          seen.refused++;
          return;
        }
        const { space, issues } = buildDecisionSpace(parsed, base);
        if (issues.length === 0) cornerIssues(space);
        seen.built++;
      }),
      { numRuns: FUZZ_RUNS, seed: 20261207 },
    );
    expect(seen.refused).toBeGreaterThan(100);
    expect(seen.built).toBeGreaterThan(20);
  }, 120_000);
});
