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
import { allPaths, FUZZ_RUNS, FUZZ_SEED, HOSTILE_VALUES, mutated, mutations, type Json } from '../../test/fuzz/json-mutations.js';

const example = (name: string): Json => parse(readFileSync(new URL(`./examples/${name}`, import.meta.url), 'utf8')) as Json;
const spec = example('ed-staffing.yaml');
const base = example('ed-and-ward.yaml');

/** Values a careless edit leaves behind, with the names and sizes an optimise spec uses. */
const VALUES: Json[] = [...HOSTILE_VALUES, 1e12, -1e12, 'staff[*].shifts[*].count', 'wards.nowhere.beds', [1e12], { from: 1, to: 1e12 }];

describe('the optimise spec reader under hundreds of mutated specs', () => {
  it('each mutated spec is refused by path, or builds a decision space, never another error', () => {
    const paths = allPaths(spec);
    const seen = { refused: 0, built: 0 };
    fc.assert(
      fc.property(mutations, (ms) => {
        const doc = mutated(spec, paths, ms, VALUES);
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
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    expect(seen.refused).toBeGreaterThan(100);
    expect(seen.built).toBeGreaterThan(20);
  }, 120_000);
});
