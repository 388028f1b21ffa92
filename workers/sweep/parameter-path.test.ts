import { describe, expect, it } from 'vitest';
import { parseParameterPath, resolveParameterPath, setAtLocations } from './parameter-path.js';

const document = {
  wards: [
    { id: 'medical', beds: 20 },
    { id: 'surgical', beds: 16 },
  ],
  staff: [
    {
      id: 'edDoctors',
      shifts: [
        { start: '08:00', count: 2 },
        { start: '20:00', count: 1 },
      ],
    },
  ],
  resources: [{ id: 'cubicle', units: 3 }],
  patientClasses: [{ id: 'ed', arrivals: { type: 'weekly', perDay: 60 } }],
  pathways: { visit: [{ seize: ['cubicle'] }, { hold: { type: 'exponential', mean: 60 } }] },
};

const resolve = (path: string): unknown => {
  const segments = parseParameterPath(path);
  return typeof segments === 'string' ? segments : resolveParameterPath(document, segments);
};

describe('parameter paths', () => {
  it('reads names, indices, [*] and quoted keys', () => {
    expect(parseParameterPath('staff.edDoctors.shifts[*].count')).toEqual([
      { key: 'staff' },
      { key: 'edDoctors' },
      { key: 'shifts' },
      { every: true },
      { key: 'count' },
    ]);
    expect(parseParameterPath('wards[1].beds')).toEqual([{ key: 'wards' }, { index: 1 }, { key: 'beds' }]);
    expect(parseParameterPath('pathways["my step"]')).toEqual([{ key: 'pathways' }, { key: 'my step' }]);
    expect(parseParameterPath('wards..beds')).toMatch(/cannot be read as a path/);
    expect(parseParameterPath('wards[x]')).toMatch(/cannot be read as a path at "\[x\]"/);
    expect(parseParameterPath('')).toMatch(/must not be empty/);
  });

  it('addresses an element of a list by its id, or by its position', () => {
    expect(resolve('wards.medical.beds')).toEqual([['wards', 0, 'beds']]);
    expect(resolve('wards.surgical.beds')).toEqual([['wards', 1, 'beds']]);
    expect(resolve('wards[1].beds')).toEqual([['wards', 1, 'beds']]);
    expect(resolve('resources.cubicle.units')).toEqual([['resources', 0, 'units']]);
    expect(resolve('pathways.visit[1].hold.mean')).toEqual([['pathways', 'visit', 1, 'hold', 'mean']]);
  });

  it('sets every element with [*]', () => {
    expect(resolve('staff.edDoctors.shifts[*].count')).toEqual([
      ['staff', 0, 'shifts', 0, 'count'],
      ['staff', 0, 'shifts', 1, 'count'],
    ]);
    const out = setAtLocations(document, resolve('staff.edDoctors.shifts[*].count') as (string | number)[][], 4) as typeof document;
    expect(out.staff[0]!.shifts.map((s) => s.count)).toEqual([4, 4]);
    expect(document.staff[0]!.shifts.map((s) => s.count)).toEqual([2, 1]); // the base is not touched
  });

  it('may name a field the base leaves to its default, but not a path through a part it leaves out', () => {
    expect(resolve('patientClasses.ed.arrivals.multiplier')).toEqual([['patientClasses', 0, 'arrivals', 'multiplier']]);
    expect(resolve('costs')).toEqual([['costs']]);
    expect(resolve('costs.penalties.leftUnseen')).toBe(
      'the scenario has no field "costs" (it has "wards", "staff", "resources", "patientClasses", "pathways")',
    );
  });

  it('refuses a path to nothing, saying what is there', () => {
    expect(resolve('wards.medcal.beds')).toBe('no ward with id "medcal" (wards: "medical", "surgical")');
    expect(resolve('staff.edDoctor.shifts[0].count')).toBe('no staff group with id "edDoctor" (staff: "edDoctors")');
    expect(resolve('staff.edDoctors.shifts[2].count')).toBe('staff[0].shifts has 2 elements, so there is no [2]');
    expect(resolve('wards.medical.beds[*]')).toBe('wards[0].beds is 20, not a list, so [*] means nothing there');
    expect(resolve('wards.medical.beds.count')).toBe('wards[0].beds is 20, so it has no field "count"');
    expect(resolve('staff.edDoctors.rota[0].count')).toBe('staff[0] has no field "rota" (it has "id", "shifts")');
    expect(resolve('pathways.visit.hold')).toBe('pathways.visit has no elements with ids; address them by position, [0] to [1], or [*]');
  });

  it('treats "__proto__" as a plain key', () => {
    const out = setAtLocations({}, [['__proto__']], { polluted: true }) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
