/** The `dated` kind: local times become minutes of the run, those outside it dropped; problems by path. */
import { describe, expect, it } from 'vitest';
import { dated } from './dated.js';
import type { ArrivalCheckContext, ArrivalCompileContext } from './kind.js';

const ctx: ArrivalCompileContext = {
  resourceIndex: new Map(),
  attributeIndex: new Map([['acuity', 0]]),
  valueIndex: (_a, v) => [1, 2, 3].indexOf(Number(v)),
  attributeCount: 1,
  run: { start: '2026-01-05T00:00', minutes: 1440 },
};

function problems(a: unknown): string[] {
  const found: string[] = [];
  const check: ArrivalCheckContext = {
    cls: { id: 'ed', attributes: { acuity: { values: [1, 2, 3] } } },
    pathway: [],
    kindOf: new Map(),
    problem: (p, m) => found.push(`${p}: ${m}`),
  };
  dated.check!(dated.schema.parse(a), 'patientClasses[0].arrivals', check);
  return found;
}

describe('dated arrivals (scenario)', () => {
  it('each time once, in minutes from the start, in time order; times after the run never come', () => {
    const a = dated.schema.parse({
      type: 'dated',
      entries: [{ at: '2026-01-05T10:30', attributes: { acuity: 2 } }, { at: '2026-01-05T08:00' }, { at: '2026-01-07T08:00' }],
    });
    expect(dated.compile(a, ctx)).toEqual({
      type: 'dated',
      entries: [
        { at: 480, count: 1, attributes: [-1] },
        { at: 630, count: 1, attributes: [1] },
      ],
    });
  });

  it('names an empty list, an unknown attribute and an unknown value by path', () => {
    expect(problems({ type: 'dated', entries: [] })).toEqual(['patientClasses[0].arrivals.entries: must list at least one arrival']);
    expect(problems({ type: 'dated', entries: [{ at: '2026-01-05T08:00', attributes: { acuity: 7, colour: 'red' } }] })).toEqual([
      'patientClasses[0].arrivals.entries[0].attributes.acuity: 7 is not one of its values (1, 2, 3)',
      'patientClasses[0].arrivals.entries[0].attributes.colour: is not an attribute of class ed (its attributes: "acuity")',
    ]);
  });
});
