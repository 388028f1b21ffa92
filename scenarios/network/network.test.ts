import { describe, expect, it } from 'vitest';
import { compileScenario, parseScenario, ScenarioError } from '../index.js';

function problemsOf(doc: unknown): string[] {
  try {
    parseScenario(doc, 'net');
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

const clinic = {
  name: 'clinic',
  start: '2026-01-05T00:00',
  horizonDays: 10,
  resources: [{ id: 'cubicle', department: 'clinic', units: 2 }],
  patientClasses: [{ id: 'patient', department: 'clinic', arrivals: { type: 'weekly', perDay: 20 }, pathway: 'visit' }],
  pathways: { visit: [{ seize: ['cubicle'], id: 'cubicle' }, { hold: { type: 'exponential', mean: 60 }, activity: 'treatment' }, { release: ['cubicle'] }] },
};

describe('network scenario', () => {
  it('two sites built from one hospital keep their own resources, classes, pathways and step names', () => {
    const s = parseScenario({
      name: 'two',
      sites: [
        { id: 'north', hospital: { scenario: clinic } },
        { id: 'south', hospital: { scenario: clinic } },
      ],
    });
    const m = compileScenario(s);
    expect(m.resources.map((r) => r.name)).toEqual(['north_cubicle', 'south_cubicle']);
    expect(m.classes.map((c) => [c.name, c.department])).toEqual([
      ['north_patient', 'north_clinic'],
      ['south_patient', 'south_clinic'],
    ]);
    expect(m.pathways.map((p) => p.name)).toEqual(['north_visit', 'south_visit']);
    expect(m.pathways[1]!.steps[0]).toMatchObject({ op: 'seize', figure: 'south_cubicle', resources: [1] });
  });

  it('says where each problem is, in the network and in a site hospital, before anything runs', () => {
    const bad = {
      name: 'bad',
      sites: [
        { id: 'north', hospital: { scenario: { ...clinic, resources: [{ id: 'cubicle', department: 'clinic', units: -2 }] } } },
        { id: 'south', hospital: { builtin: 'general-hospitl' } },
      ],
      travel: [{ from: 'north', to: 'east', minutes: { type: 'constant', value: 30 } }],
    };
    const problems = problemsOf(bad);
    expect(problems).toContain('sites[1].hospital.builtin: is not a built-in hospital; did you mean "general-hospital"?');
    expect(problems.some((p) => p.startsWith('sites[0].hospital.scenario.resources[0].units:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('travel[0].to: is not a site'))).toBe(true);
  });

  it('refuses a transfer to a site or pathway that is not there, and a transfer in a hospital alone', () => {
    const withTransfer = (step: object): unknown => ({ ...clinic, pathways: { ...clinic.pathways, visit: [step, ...clinic.pathways.visit] } });
    const net = (step: object) => ({
      name: 'n',
      sites: [
        { id: 'a', hospital: { scenario: withTransfer(step) } },
        { id: 'b', hospital: { scenario: clinic } },
      ],
    });
    expect(problemsOf(net({ transfer: 'c', pathway: 'visit' }))).toEqual([
      'pathways.a_visit[0].transfer: refers to a site "c" that is not in the network (sites: "a", "b")',
    ]);
    expect(problemsOf(net({ transfer: 'b', pathway: 'visits' }))).toEqual(['pathways.a_visit[0].pathway: "visits" is not a pathway of site "b"']);
    expect(problemsOf(net({ transfer: { rule: 'first-available' }, pathway: 'visit' }))[0]).toMatch(/^pathways\.a_visit\[0\]\.bed: is needed by the rule/);
    expect(problemsOf(withTransfer({ transfer: 'b', pathway: 'visit' }))[0]).toMatch(/^pathways\.visit\[0\]\.transfer: needs a network/);
  });
});

describe('network of built-in hospitals', () => {
  it('renames a ward but not its type: two general hospitals keep their ICU of type "icu"', () => {
    const s = parseScenario({
      name: 'two',
      sites: [
        { id: 'a', hospital: { builtin: 'general-hospital' } },
        { id: 'b', hospital: { builtin: 'general-hospital' } },
      ],
    });
    const icus = s.wards.filter((w) => w.type === 'icu').map((w) => w.id);
    expect(icus).toEqual(['a_icu', 'b_icu']);
    expect(compileScenario(s).classes.length).toBe(
      2 * parseScenario({ name: 'one', sites: [{ id: 'a', hospital: { builtin: 'general-hospital' } }] }).patientClasses.length,
    );
  });
});
