import { describe, expect, it } from 'vitest';
import { buildDecisionSpace, documentOf, startingSolution, valuesOf } from './decision-space.js';
import { parseOptimiseSpec } from './load-optimise.js';

const base = {
  staff: [
    { id: 'nurse', shifts: [{ count: 3 }, { count: 2 }] },
    { id: 'doctor', shifts: [{ count: 1 }] },
  ],
  wards: [{ id: 'medical', beds: 30 }],
};

const spec = (variables: unknown[]) =>
  parseOptimiseSpec({ name: 'x', base: 'textbook-mmc', variables, objective: { minimise: 'cost.total' }, budget: { replications: 10 } });

describe('decision space', () => {
  it('a [*] path and a list of paths each set one value in every place they name', () => {
    const { space, issues } = buildDecisionSpace(
      spec([
        { path: 'staff.nurse.shifts[*].count', name: 'nurses', range: { from: 2, to: 6, step: 2 } },
        { path: ['staff.doctor.shifts[0].count', 'wards.medical.beds'], name: 'linked', values: [5, 40] },
      ]),
      base,
    );
    expect(issues).toEqual([]);
    expect(space.variables.map((v) => v.values)).toEqual([
      [2, 4, 6],
      [5, 40],
    ]);
    expect(space.size).toBe(6);
    const doc = documentOf(space, [2, 1]) as typeof base;
    expect(doc.staff[0]!.shifts.map((s) => s.count)).toEqual([6, 6]);
    expect(doc.staff[1]!.shifts[0]!.count).toBe(40);
    expect(doc.wards[0]!.beds).toBe(40);
    expect(valuesOf(space, [2, 1])).toEqual({ nurses: 6, linked: 40 });
    // The base is left as it was.
    expect(base.staff[0]!.shifts[0]!.count).toBe(3);
  });

  it('starts at the base value when it is one of the values, else the nearest, else the middle', () => {
    const { space } = buildDecisionSpace(
      spec([
        { path: 'staff.nurse.shifts[0].count', range: { from: 1, to: 5 } },
        { path: 'wards.medical.beds', range: { from: 10, to: 26, step: 4 } },
        { path: 'staff.doctor.shifts[0].count', values: ['a', 'b', 'c'] },
      ]),
      base,
    );
    expect(startingSolution(space)).toEqual([2, 4, 1]);
  });

  it('a range of a trillion values is refused by its path before any is listed (it was a fatal allocation)', () => {
    expect(() => spec([{ path: 'staff.nurse.shifts[0].count', range: { from: 1, to: 1_000_000_000_000 } }])).toThrow(
      /variables\[0\]\.range: has more than the 10,000 values a variable may take/,
    );
    expect(() => spec([{ path: 'staff.nurse.shifts[0].count', range: { from: 1, to: 1_000_000_000_000, step: 1_000_000_000 } }])).not.toThrow();
  });

  it('two variables that set the same place are refused, each by its path', () => {
    const { issues } = buildDecisionSpace(
      spec([
        { path: 'staff.nurse.shifts[*].count', range: { from: 1, to: 2 } },
        { path: 'staff.nurse.shifts[1].count', range: { from: 1, to: 2 } },
      ]),
      base,
    );
    expect(issues).toEqual([
      { path: 'variables[1].path', message: 'sets staff[0].shifts[1].count, as variables[0].path does: each place may be set by one variable only' },
    ]);
  });

  it('listed values may be whole parts of a scenario (a theatre block schedule), written whole and found in the base', () => {
    const blocks = [[{ days: ['mon', 'wed'], start: '08:00', end: '17:00' }], [{ days: ['tue', 'thu'], start: '08:00', end: '17:00' }]];
    const withTheatre = { ...base, operatingRooms: [{ id: 'or1', sessions: blocks[1] }] };
    const { space, issues } = buildDecisionSpace(spec([{ path: 'operatingRooms.or1.sessions', name: 'or1Blocks', values: blocks }]), withTheatre);
    expect(issues).toEqual([]);
    expect(startingSolution(space)).toEqual([1]);
    expect((documentOf(space, [0]) as typeof withTheatre).operatingRooms[0]!.sessions).toEqual(blocks[0]);
  });
});
