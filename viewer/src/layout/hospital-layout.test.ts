import { describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, type ScenarioInput } from '../../../scenarios/index.js';
import { smallHospital } from '../../../scenarios/fixtures/small-hospital.js';
import { buildLayout } from './hospital-layout.js';

const withLab: ScenarioInput = {
  ...structuredClone(smallHospital),
  resources: [...smallHospital.resources!, { id: 'lab', department: 'lab', units: 'unlimited' }],
};

describe('the floor plan drawn from the compiled model and the kinds’ layout specs', () => {
  const scenario = parseScenario(withLab);
  const layout = buildLayout(scenario);
  const block = (name: string) => layout.blocks[layout.blockOf.get(name)!]!;
  const zoneOf = (name: string) => layout.zones[block(name).zone]!;

  it('has a block for every resource the simulation runs, with its kind', () => {
    const model = compileScenario(scenario);
    expect(model.resources.map((r) => [r.name, r.kind])).toEqual(model.resources.map((r) => [block(r.name).name, block(r.name).kind]));
  });

  it('puts each department in the zone its resources make it, drawn as their kinds say', () => {
    expect(zoneOf('or1').kind).toBe('theatres');
    expect(zoneOf('ct').kind).toBe('imaging');
    expect(zoneOf('icu')).toMatchObject({ kind: 'icu', label: 'icu' });
    expect(zoneOf('cubicle').kind).toBe('ed');
    expect([block('ward').shape, block('or1').shape, block('ct').shape, block('doctor').shape, block('cubicle').shape]).toEqual([
      'bed',
      'room',
      'device',
      'staff',
      'trolley',
    ]);
    // Staff stations come after the places of their zone.
    expect(block('doctor').x0).toBeGreaterThan(block('cubicle').x1);
  });

  it('opens rostered units as the compiled roster has them, and draws a room cleaned for its mean turnover', () => {
    expect(block('doctor').units).toBe(2);
    expect(block('or1').cleaningMinutes).toBe(20);
    // Monday 08:29: the theatre session starts at 08:30.
    expect(block('or1').profile![8 * 60 + 29]).toBe(0);
    expect(block('or1').profile![8 * 60 + 30]).toBe(1);
  });

  it('draws a resource of unlimited units as a few units in an other zone, not two billion', () => {
    expect(block('lab')).toMatchObject({ kind: 'unlimited', units: 12, shape: 'unit', profile: null });
    expect(zoneOf('lab').kind).toBe('other');
  });
});
