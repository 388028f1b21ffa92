import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from '../../scenarios/index.js';
import { goldenHashesOf, type GoldenHashes } from './golden-hashes.js';

const FILE = new URL('./golden-hashes.json', import.meta.url);

// `GOLDEN_UPDATE=1 npx vitest run test/golden` rewrites the file: only in a commit
// whose message says why the numbers of a built-in were meant to change.
const update = process.env['GOLDEN_UPDATE'] === '1';
const committed = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, GoldenHashes>;
const computed: Record<string, GoldenHashes> = {};

describe('golden hashes: no change moves a number of a built-in scenario unless it says so', () => {
  for (const { name } of BUILTIN_SCENARIOS) {
    it(`${name}: trace of replication 1 and figures of replications 1-3 match the committed hashes`, { timeout: 120_000 }, () => {
      const now = goldenHashesOf(name);
      computed[name] = now;
      if (update) return;
      expect(now).toEqual(committed[name]);
    });
  }
  it('every built-in has committed hashes and none is left over', () => {
    if (update) {
      writeFileSync(FILE, JSON.stringify(computed, null, 2) + '\n');
      return;
    }
    expect(Object.keys(committed).sort()).toEqual(BUILTIN_SCENARIOS.map((s) => s.name).sort());
  });
});
