import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinScenario, parseScenario, parseState, type ScenarioInput } from '../../../scenarios/index.js';
import { planItems } from '../scene/plan-label-items.js';
import { censusLabels } from './census-labels.js';
import { snapshotScene } from './snapshot-scene.js';

const document = builtinScenario('general-hospital')!.document;
const monday = () => parseState(JSON.parse(readFileSync(new URL('./fixtures/two-patients-monday.json', import.meta.url), 'utf8')), 'monday');

/** The words over the Today plan, by key. */
function todayPlan(doc: ScenarioInput): Map<string, string> {
  const scene = snapshotScene(parseScenario(doc, 'general-hospital'), monday());
  return new Map(planItems(scene.replay, censusLabels(scene)).map((i) => [i.key, i.text(0) ?? '']));
}

describe("the Today plan's words over the wards", () => {
  it('names a ward beside others in its department with its beds, as the run replay does, and not again below', () => {
    const plan = todayPlan(document);
    expect(plan.get('ward-icu')).toBe('Intensive care: 0/7 beds');
    expect(plan.get('ward-stepDown')).toBe('Step-down: 0/7 beds');
    expect(plan.has('block-icu')).toBe(false);
    expect(plan.has('block-stepDown')).toBe(false);
    // A ward alone in its department is named by the department's label, which is its name.
    expect(plan.get('ward-medicalWard')).toBe('1 of 148 beds occupied');
    expect(plan.get('zone-medicine')).toBe('Medical wards');
    // Rooms beside each other are still named.
    expect(plan.get('block-ct')).toBe('CT');
  });

  it("takes the ward's name from the scenario, not its id", () => {
    const renamed = structuredClone(document);
    renamed.wards!.find((w) => w.id === 'icu')!.name = 'Level 3 beds (ITU)';
    expect(todayPlan(renamed).get('ward-icu')).toBe('Level 3 beds: 0/7 beds');
  });
});
