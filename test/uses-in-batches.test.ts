import { describe, expect, it } from 'vitest';
import { runHospital, type Observer } from '../sim-core/index.js';
import { BUILTIN_SCENARIOS, compileScenario, parseScenario } from '../scenarios/index.js';

/**
 * The built-in figure and cost observers read resource uses in batches
 * (sim-core/hospital/use-log.ts) unless some observer hears them one by one.
 * A user's observer that does switches the batches off: every figure must come
 * out the same to the bit either way, or the batches changed what the run
 * reports (a cost added in another order differs in its last bits).
 */
function figures(name: string, hearOneByOne: boolean): { figures: Record<string, number>; uses: number } {
  const builtin = BUILTIN_SCENARIOS.find((s) => s.name === name)!;
  const model = compileScenario(parseScenario({ ...builtin.document, horizonDays: 40, warmupDays: 5 }, name));
  let uses = 0;
  const counter: Observer = { used: () => void uses++ };
  const run = runHospital(model, { seed: 5, replication: 2, ...(hearOneByOne ? { observers: [() => counter] } : {}) });
  return { figures: run.figures, uses };
}

describe('uses told in batches', () => {
  for (const name of ['general-hospital', 'lean-stock', 'or-block-schedule-b']) {
    it(`${name}: every figure is the same to the bit as when uses are told one by one`, () => {
      const batched = figures(name, false);
      const oneByOne = figures(name, true);
      expect(oneByOne.uses).toBeGreaterThan(1000);
      expect(Object.keys(batched.figures)).toEqual(Object.keys(oneByOne.figures));
      const differing = Object.keys(batched.figures).filter((k) => !Object.is(batched.figures[k], oneByOne.figures[k]));
      expect(differing).toEqual([]);
    });
  }
});
