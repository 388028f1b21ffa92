import { describe, expect, it } from 'vitest';
import { RESOURCE_KIND_NAMES } from '../../sim-core/index.js';
import { smallHospital } from '../fixtures/small-hospital.js';
import { scenarioProblems } from '../fixtures/scenario-problems.js';
import { compileScenario, describeFigure, parseScenario, scenarioFigureContext, type ScenarioInput } from '../index.js';
import { declaredResources, kindModuleOf, RESOURCE_KIND_MODULES, resourceLayouts } from './index.js';

const withResources = (resources: unknown[]): ScenarioInput => ({ ...structuredClone(smallHospital), resources }) as ScenarioInput;

describe('the table of resource kinds', () => {
  it('gives every kind the kernel has a scenario module, so no kind is left without a section, a layout or a report section', () => {
    for (const kind of RESOURCE_KIND_NAMES) expect(kindModuleOf(kind).kinds).toContain(kind);
  });

  it('sets the resource indices: wards, staff, rooms, devices, other resources, as the golden traces were recorded', () => {
    expect(RESOURCE_KIND_MODULES.map((m) => m.section)).toEqual(['wards', 'staff', 'operatingRooms', 'imaging', 'resources']);
    const model = compileScenario(parseScenario(smallHospital));
    expect(model.resources.map((r) => `${r.kind}:${r.name}`)).toEqual([
      'ward:ward',
      'ward:icu',
      'staff:doctor',
      'staff:surgeon',
      'room:or1',
      'device:ct',
      'pool:cubicle',
    ]);
  });

  it('gives the viewer a layout spec for each compiled resource, index for index', () => {
    const s = parseScenario(smallHospital);
    const looks = resourceLayouts(s);
    expect(looks.map((l) => l.shape)).toEqual(['bed', 'bed', 'staff', 'staff', 'room', 'device', 'unit']);
    expect(declaredResources(s).map((r) => r.path)).toEqual([
      'wards[0]',
      'wards[1]',
      'staff[0]',
      'staff[1]',
      'operatingRooms[0]',
      'imaging[0]',
      'resources[0]',
    ]);
  });

  it('refuses an id used by two kinds, naming what has it', () => {
    expect(scenarioProblems(withResources([{ id: 'ct', department: 'ed', units: 2 }]))).toContainEqual({
      path: 'resources[0].id',
      message: '"ct" is already used by an imaging device',
    });
  });
});

describe('a resource of unlimited units', () => {
  it('compiles to the kernel’s unlimited kind, where a pool of units stays a pool', () => {
    const model = compileScenario(
      parseScenario(
        withResources([
          { id: 'cubicle', department: 'ed', units: 4 },
          { id: 'lab', department: 'lab', units: 'unlimited' },
        ]),
      ),
    );
    expect(model.resources.slice(-2).map((r) => r.kind)).toEqual(['pool', 'unlimited']);
  });

  it('reports the number in use among the other resources', () => {
    const ctx = scenarioFigureContext(
      parseScenario(
        withResources([
          { id: 'cubicle', department: 'ed', units: 4 },
          { id: 'lab', department: 'lab', units: 'unlimited' },
        ]),
      ),
    );
    expect(describeFigure('census.lab.mean', ctx)).toMatchObject({ section: 'otherResources', unit: 'patients', label: expect.stringMatching(/Lab/) });
  });

  it('refuses units of .inf, naming what to write instead', () => {
    expect(scenarioProblems(withResources([{ id: 'cubicle', department: 'ed', units: Infinity }]))).toEqual([
      { path: 'resources[0].units', message: 'must be a positive whole number of units, or unlimited, got Infinity (.inf)' },
    ]);
  });

  it('refuses a waiting room or an idle cost, which mean nothing when no one waits', () => {
    const problems = scenarioProblems(withResources([{ id: 'cubicle', department: 'ed', units: 'unlimited', queueCapacity: 0, costPerIdleHour: 10 }]));
    expect(problems.map((p) => p.path)).toEqual(['resources[0].queueCapacity', 'resources[0].costPerIdleHour']);
  });
});
