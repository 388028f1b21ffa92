import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS } from './builtin/index.js';
import { parseScenarioText } from './load.js';
import { nearestName } from './nearest-name.js';
import { ScenarioError } from './schema/errors.js';

function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('a misspelled name gets the name probably meant', () => {
  it('"warmupDay" in a scenario: is not a known field; did you mean "warmupDays"?', () => {
    const text = 'name: x\nstart: "2026-01-05T00:00"\nhorizonDays: 10\nwarmupDay: 2\nseed: 1\n';
    expect(problems(() => parseScenarioText(text, 'x.yaml'))).toContain('warmupDay: is not a known field; did you mean "warmupDays"?');
  });

  it("a misspelled field inside a list of objects is matched against that object's fields", () => {
    const text = 'name: x\nstart: "2026-01-05T00:00"\nhorizonDays: 10\nseed: 1\nresources: [{ id: desk, department: office, unitz: 2 }]\n';
    expect(problems(() => parseScenarioText(text, 'x.yaml')).join('\n')).toMatch(/resources\[0\]\.unitz: is not a known field; did you mean "units"\?/);
  });

  it('the built-in scenario meant by "flu-seasn"; nothing for a name far from all', () => {
    const names = BUILTIN_SCENARIOS.map((s) => s.name);
    expect(nearestName('flu-seasn', names)).toBe('flu-season');
    expect(nearestName('zzzzzzzzzzzz', names)).toBeUndefined();
  });
});
