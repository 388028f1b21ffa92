import { describe, expect, it } from 'vitest';
import { firstTraceDifference, runHospital, TraceBuffer, type TraceData } from '../sim-core/index.js';
import { BUILTIN_SCENARIOS, compileScenario, parseScenario } from '../scenarios/index.js';

function traceOf(name: string, seed: number, horizonDays: number): TraceData {
  const builtin = BUILTIN_SCENARIOS.find((s) => s.name === name)!;
  const scenario = parseScenario({ ...builtin.document, horizonDays, warmupDays: 1 }, name);
  const trace = new TraceBuffer();
  runHospital(compileScenario(scenario), { seed, replication: 1, trace });
  return trace.toData();
}

describe('determinism', () => {
  // Every built-in, so that each step type and resource kind is covered as they are added.
  for (const { name } of BUILTIN_SCENARIOS) {
    it(`${name}: the same seed gives the identical trace; another seed a different one`, () => {
      const a = traceOf(name, 11, 30);
      const b = traceOf(name, 11, 30);
      expect(a.length).toBeGreaterThan(100);
      expect(firstTraceDifference(a, b)).toBe(-1);
      const c = traceOf(name, 12, 30);
      expect(firstTraceDifference(a, c)).toBeGreaterThanOrEqual(0);
    });
  }
});
