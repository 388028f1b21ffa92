/**
 * An attribute that follows another (`byAttribute` and `cases` in a class's
 * mix): a patient's value is the one given for its value of the attribute
 * followed, else drawn from the mix; a list arrival's fixed value is followed
 * too. Mistakes are refused by their path.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, type ScenarioInput, type ScenarioIssue } from '../scenarios/index.js';
import { runHospital } from '../sim-core/index.js';
import { scenarioProblems } from '../scenarios/fixtures/scenario-problems.js';

/** Patients of kind "long" stay 5 days, "short" 1 day; `source` is the attribute kind follows. */
function scenario(classes: ScenarioInput['patientClasses']): ScenarioInput {
  return {
    name: 'follows',
    start: '2026-01-05T00:00',
    horizonDays: 60,
    warmupDays: 0,
    seed: 3,
    wards: [{ id: 'ward', type: 'general', beds: 500, costPerBedDay: 1440 }],
    patientClasses: classes,
    pathways: {
      stay: [
        { branchOn: 'kind', cases: { long: 'long' }, otherwise: 'short' },
        { stay: 'ward', lengthOfStay: { type: 'constant', value: 5 * 1440 }, id: 'long' },
        { leave: true },
        { stay: 'ward', lengthOfStay: { type: 'constant', value: 1440 }, id: 'short' },
      ],
    },
  };
}

const mix = { values: ['long', 'short'], weights: [1, 1] };

const issues = (s: ScenarioInput): ScenarioIssue[] => scenarioProblems(s);

describe('an attribute that follows another', () => {
  it('takes the value given for the followed one’s, draws from its mix where none is given, and follows a list arrival’s fixed value', () => {
    const s = parseScenario(
      scenario([
        {
          id: 'walkIn',
          department: 'ed',
          arrivals: { type: 'weekly', perDay: 40 },
          attributes: {
            source: { values: ['a', 'b', 'c'], weights: [1, 1, 1] },
            kind: { ...mix, byAttribute: 'source', cases: { a: 'long', b: 'short' } },
          },
          pathway: 'stay',
        },
        {
          id: 'booked',
          department: 'ed',
          arrivals: { type: 'list', entries: [{ days: 'all', time: '08:00', count: 2, attributes: { source: 'a' } }] },
          attributes: { source: { values: ['b'], weights: [1] }, kind: { ...mix, byAttribute: 'source', cases: { a: 'long', b: 'short' } } },
          pathway: 'stay',
        },
      ]),
    );
    const f = runHospital(compileScenario(s), { seed: 1, replication: 1 }).figures;
    const n = (id: string): number => f[`cost.perCase.attribute.${id}.cases`]!;
    const cost = (cls: string): number => f[`cost.perCase.${cls}.mean`]!;
    // Every booked patient has source a (fixed by the list), so kind long: 5 days each.
    expect(f['cases.booked']).toBeGreaterThan(100);
    expect(cost('booked')).toBeCloseTo(5 * 1440, 6);
    // Walk-ins: a → long, b → short exactly; c has no value given and draws from the 1:1 mix.
    const walkIns = f['cases.walkIn']!;
    const longWalkIns = n('kind.long') - f['cases.booked']!;
    const c = n('source.c');
    const a = n('source.a') - f['cases.booked']!;
    // Long walk-ins are the a's and about half the c's: binomial(c, 1/2), 4 sd.
    expect(Math.abs(longWalkIns - a - c / 2)).toBeLessThan(4 * Math.sqrt(c / 4));
    expect(longWalkIns - a).toBeGreaterThan(0);
    // Exactly: every patient of source a stayed 5 days, every one of source b 1 day.
    expect(f['cost.perCase.attribute.source.a.mean']).toBeCloseTo(5 * 1440, 6);
    expect(f['cost.perCase.attribute.source.b.mean']).toBeCloseTo(1440, 6);
    expect(n('kind.long') + n('kind.short')).toBe(walkIns + f['cases.booked']!);
  });

  it('is refused, by its path, when it follows itself, an attribute the class lacks, a follower, or gives values that are not there', () => {
    const cls = (attributes: ScenarioInput['patientClasses'][number]['attributes']): ScenarioInput['patientClasses'][number] => ({
      id: 'walkIn',
      department: 'ed',
      arrivals: { type: 'weekly', perDay: 10 },
      attributes,
      pathway: 'stay',
    });
    const source = { values: ['a', 'b'], weights: [1, 1] };
    const at = 'patientClasses[0].attributes.kind';
    expect(issues(scenario([cls({ source, kind: { ...mix, byAttribute: 'kind', cases: { a: 'long' } } })]))).toEqual([
      { path: `${at}.byAttribute`, message: expect.stringMatching(/cannot follow itself/) as string },
    ]);
    expect(issues(scenario([cls({ source, kind: { ...mix, byAttribute: 'sorce', cases: { a: 'long' } } })]))).toEqual([
      { path: `${at}.byAttribute`, message: expect.stringMatching(/no attribute "sorce" to follow \(its other attributes: "source"\)/) as string },
    ]);
    expect(
      issues(scenario([cls({ source, other: { ...source, byAttribute: 'source', cases: {} }, kind: { ...mix, byAttribute: 'other', cases: {} } })])),
    ).toEqual([{ path: `${at}.byAttribute`, message: expect.stringMatching(/"other" itself follows "source"/) as string }]);
    expect(issues(scenario([cls({ source, kind: { ...mix, byAttribute: 'source', cases: { z: 'long', b: 'medium' } } })]))).toEqual([
      { path: `${at}.cases.z`, message: expect.stringMatching(/"z" is not a value of "source"/) as string },
      { path: `${at}.cases.b`, message: expect.stringMatching(/"medium" is not one of the values of "kind"/) as string },
    ]);
    expect(issues(scenario([cls({ source, kind: { ...mix, byAttribute: 'source' } })]))).toEqual([
      { path: `${at}.cases`, message: expect.stringMatching(/byAttribute and cases go together/) as string },
    ]);
  });
});
