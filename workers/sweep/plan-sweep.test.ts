import { describe, expect, it } from 'vitest';
import { smallHospital } from '../../scenarios/fixtures/small-hospital.js';
import { planSweep } from './plan-sweep.js';
import { parseSweepSpec, SweepSpecError, type SweepSpecInput } from './sweep-spec.js';

const plan = (spec: Omit<SweepSpecInput, 'name' | 'base'>) => planSweep(parseSweepSpec({ name: 's', base: 'x', ...spec }), smallHospital, 'sweep.yaml');

const problems = (spec: Omit<SweepSpecInput, 'name' | 'base'>): string[] => {
  try {
    plan(spec);
  } catch (e) {
    if (e instanceof SweepSpecError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  throw new Error('expected the sweep to be refused');
};

describe('planning a sweep', () => {
  it('builds and validates one scenario per grid point, with the values applied', () => {
    const p = plan({ parameters: { 'wards.ward.beds': [4, 8], 'staff.doctor.shifts[*].count': [1, 3], 'patientClasses.ed.arrivals.multiplier': [1.2] } });
    expect(p.points).toHaveLength(4);
    expect(p.parameters).toEqual(['wards.ward.beds', 'staff.doctor.shifts[*].count', 'patientClasses.ed.arrivals.multiplier']);
    const last = p.points[3]!;
    expect(last.values).toEqual({ 'wards.ward.beds': 8, 'staff.doctor.shifts[*].count': 3, 'patientClasses.ed.arrivals.multiplier': 1.2 });
    expect(last.scenario.wards[0]!.beds).toBe(8);
    expect(last.scenario.staff[0]!.shifts.map((s) => s.count)).toEqual([3, 3]);
    expect(last.scenario.patientClasses[0]!.arrivals).toMatchObject({ multiplier: 1.2 });
    expect(new Set(p.points.map((x) => x.key)).size).toBe(4);
    // Defaults come from the base scenario.
    expect(p.seed).toBe(7);
    expect(p.replications).toBe(10);
  });

  it('keys a point by its scenario, seed and replications', () => {
    const a = plan({ parameters: { 'wards.ward.beds': [4, 8] } });
    const b = plan({ parameters: { 'wards.ward.beds': [8, 4] } });
    expect(a.points[0]!.key).toBe(b.points[1]!.key);
    expect(plan({ parameters: { 'wards.ward.beds': [4] }, seed: 8 }).points[0]!.key).not.toBe(a.points[0]!.key);
    expect(plan({ parameters: { 'wards.ward.beds': [4] }, replications: 3 }).points[0]!.key).not.toBe(a.points[0]!.key);
  });

  it('refuses every bad path up front, by its place in the sweep file', () => {
    expect(problems({ parameters: { 'wards.medcal.beds': [4], 'staff.doctor.shifts[5].count': [1], 'wards[0].beds[*]': [1] } })).toEqual([
      'parameters["wards.medcal.beds"]: no ward with id "medcal" (wards: "ward", "icu")',
      'parameters["staff.doctor.shifts[5].count"]: staff[0].shifts has 2 elements, so there is no [5]',
      'parameters["wards[0].beds[*]"]: wards[0].beds is 6, not a list, so [*] means nothing there',
    ]);
  });

  it('refuses values the scenario does not allow, at the value, once however many points share it', () => {
    expect(problems({ parameters: { 'wards.ward.beds': [4, -2, 2.5], 'staff.doctor.shifts[*].count': [1, 2] } })).toEqual([
      'parameters["wards.ward.beds"][1]: wards[0].beds: must be a positive integer, got -2',
      'parameters["wards.ward.beds"][2]: wards[0].beds: must be int, got 2.5',
    ]);
  });

  it('refuses a misspelt field name through the scenario schema', () => {
    expect(problems({ combinations: [{ 'wards.ward.beds': 4 }, { 'wards.ward.bedz': 4 }] })).toEqual([
      'combinations[1]["wards.ward.bedz"]: wards[0].bedz: is not a known field; did you mean "beds"?',
    ]);
  });

  it('refuses two parameters that set the same place, and two points that are the same scenario', () => {
    expect(problems({ parameters: { 'wards.ward.beds': [4], 'wards[0].beds': [5] } })).toEqual([
      'parameters["wards[0].beds"]: sets wards[0].beds, as parameters["wards.ward.beds"] does: each place may be set by one parameter only',
    ]);
    expect(
      problems({ parameters: { 'staff.doctor.shifts': [[{ days: 'all', start: '00:00', end: '24:00', count: 1 }]], 'staff.doctor.shifts[0].count': [2] } }),
    ).toHaveLength(1);
    expect(problems({ combinations: [{ 'wards.ward.beds': 4 }, { 'wards.ward.beds': 5 }, { 'wards[0].beds': 4 }] })).toEqual([
      'combinations[2]: gives the same scenario as combinations[0]',
    ]);
  });

  it('refuses a base that is not a valid scenario, saying so at base', () => {
    const bad = { ...smallHospital, horizonDays: -1 };
    expect(() => planSweep(parseSweepSpec({ name: 's', base: 'x', parameters: { 'wards.ward.beds': [4] } }), bad, 'sweep.yaml')).toThrow(
      /base: horizonDays: must be more than 0/,
    );
  });
});

describe('sweep files', () => {
  const refuse = (document: unknown): string[] => {
    try {
      parseSweepSpec(document, 'sweep.yaml');
    } catch (e) {
      if (e instanceof SweepSpecError) return e.issues.map((i) => `${i.path}: ${i.message}`);
      throw e;
    }
    throw new Error('expected the sweep file to be refused');
  };

  it('list every problem with its path, and say it is not a valid sweep', () => {
    expect(
      refuse({ name: 'a b', base: 3, parameters: { x: [] }, replications: 0, rank: { by: 'cost.total', constraint: { figure: 'ed.within4h' } }, extra: 1 }),
    ).toEqual([
      'name: must be a name of letters, digits, _, . or - (it names the output folder), got "a b"',
      'base: must be a string or an object, got 3',
      'parameters.x: must list at least one value, got []',
      'replications: must be at least 1, got 0',
      'rank.constraint: must have exactly one of atLeast and atMost',
      'extra: is not a known field',
    ]);
    expect(() => parseSweepSpec({ name: 'a', base: 'b', parameters: { x: [1] }, combinations: [{ x: 1 }] }, 'f.yaml')).toThrow(
      /f\.yaml is not a valid sweep \(1 problem\):\n {2}\(document\): must have either parameters/,
    );
  });

  it('refuse a grid too big to be meant', () => {
    const values = Array.from({ length: 101 }, (_, i) => i);
    expect(refuse({ name: 'a', base: 'b', parameters: { x: values, y: values } })).toEqual(['parameters: make a grid of 10201 points; at most 10000']);
  });
});
