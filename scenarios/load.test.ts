import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, type ScenarioInput } from './index.js';
import { smallHospital } from './fixtures/small-hospital.js';
import { scenarioProblems as problemsOf } from './fixtures/scenario-problems.js';

function mutate(change: (d: ScenarioInput) => void): ScenarioInput {
  const d = structuredClone(smallHospital);
  change(d);
  return d;
}

describe('loading scenarios', () => {
  it('accepts the small hospital and applies defaults', () => {
    const s = parseScenario(smallHospital);
    expect(s.replications).toBe(10);
    expect(s.operatingRooms[0]!.emergencyOnly).toBe(false);
  });

  it('names the field and the problem: a session that ends before it starts', () => {
    const d = mutate((d) => {
      d.operatingRooms![0]!.sessions[0]!.start = '08:00';
      d.operatingRooms![0]!.sessions[0]!.end = '07:00';
    });
    expect(problemsOf(d)).toContainEqual({ path: 'operatingRooms[0].sessions[0].end', message: 'must be after start (08:00), got 07:00' });
  });

  it('refuses unknown fields rather than ignoring them', () => {
    const d = mutate((d) => {
      (d.wards![0] as Record<string, unknown>).bedz = 3;
    });
    expect(problemsOf(d)).toContainEqual({ path: 'wards[0].bedz', message: 'is not a known field; did you mean "beds"?' });
  });

  it('catches references to missing wards, staff, items, pathways and steps, all at once', () => {
    const d = mutate((d) => {
      d.patientClasses[0]!.pathway = 'nowhere';
      const steps = d.pathways.surgery!;
      steps.unshift(
        { seize: ['surgeonz'] },
        { consume: 'unobtainium' },
        { stay: 'ghost-ward', lengthOfStay: { type: 'constant', value: 60 } },
        { goto: 'no-such-step' },
      );
    });
    const problems = problemsOf(d);
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'patientClasses[0].pathway',
        'pathways.surgery[0].seize[0]',
        'pathways.surgery[1].consume',
        'pathways.surgery[2].stay',
        'pathways.surgery[3].goto',
      ]),
    );
    expect(problems.find((p) => p.path === 'pathways.surgery[0].seize[0]')!.message).toMatch(/"surgeonz".*known: .*"surgeon"/);
  });

  it('refuses wrong types and values with what was received', () => {
    const d = mutate((d) => {
      (d as Record<string, unknown>).horizonDays = 'a year';
      d.wards![0]!.beds = -3;
    });
    const problems = problemsOf(d);
    expect(problems).toContainEqual({ path: 'horizonDays', message: 'must be number, got "a year"' });
    expect(problems.find((p) => p.path === 'wards[0].beds')!.message).toMatch(/positive.*got -3/);
  });

  it('checks a pathway of thousands of zero-time steps without overflowing the stack', () => {
    // 6,000 releases in a row then a goto back: the search for a loop used to recurse once per step.
    const long = mutate((d) => {
      d.pathways.long = [
        ...Array.from({ length: 6000 }, (_, k) => (k === 0 ? { release: 'all' as const, id: 'top' } : { release: 'all' as const })),
        { goto: 'top' },
      ];
      d.patientClasses[0]!.pathway = 'long';
    });
    expect(problemsOf(long).some((p) => p.path === 'pathways.long[0]' && /loop in which no time passes/.test(p.message))).toBe(true);
    const fine = mutate((d) => {
      d.pathways.long = [...Array.from({ length: 6000 }, () => ({ release: 'all' as const })), { hold: { type: 'constant', value: 1 }, activity: 'wait' }];
      d.patientClasses[0]!.pathway = 'long';
    });
    expect(problemsOf(fine)).toEqual([]);
  });

  it('refuses a pathway that could loop forever without time passing', () => {
    const d = mutate((d) => {
      d.pathways.loop = [{ release: 'all', id: 'again' }, { goto: 'again' }];
      d.patientClasses[0]!.pathway = 'loop';
    });
    expect(problemsOf(d).some((p) => p.path.startsWith('pathways.loop') && /loop in which no time passes/.test(p.message))).toBe(true);
  });

  it('refuses a seize that names the same resource twice, at the second', () => {
    const d = mutate((d) => {
      const step = d.pathways.ed!.find((s) => 'seize' in s && s.id === 'edDoctor') as { seize: string[] };
      step.seize = ['cubicle', 'doctor', 'cubicle'];
    });
    expect(problemsOf(d)).toEqual([
      {
        path: 'pathways.ed[0].seize[2]',
        message: expect.stringMatching(/names "cubicle" again \(seize\[0\] already does\)/),
      },
    ]);
  });

  it('refuses attribute cases that no class can have', () => {
    const d = mutate((d) => {
      d.pathways.ed![0] = {
        hold: {
          byAttribute: 'acuity',
          cases: { '1': { type: 'constant', value: 5 }, '9': { type: 'constant', value: 5 } },
          otherwise: { type: 'constant', value: 5 },
        },
        activity: 'x',
      };
    });
    expect(problemsOf(d)).toContainEqual(expect.objectContaining({ path: 'pathways.ed[0].hold.cases.9' }));
  });

  it('reads YAML and JSON, and says where unreadable text is wrong', () => {
    const yaml = `name: tiny\nstart: "2026-01-05T00:00"\nhorizonDays: 2\nresources: [{ id: desk, department: office, units: 1 }]\npatientClasses:\n  - { id: p, department: office, arrivals: { type: weekly, perDay: 10 }, pathway: v }\npathways:\n  v: [{ seize: [desk] }, { hold: { type: exponential, mean: 5 }, activity: serve }, { release: all }]\n`;
    expect(parseScenarioText(yaml).name).toBe('tiny');
    expect(() => parseScenarioText('{"name": ', 'broken.json', 'json')).toThrow(/broken.json.*cannot be read as JSON/s);
    expect(() => parseScenarioText('name: [unclosed\n', 'broken.yaml')).toThrow(/cannot be read as YAML at line/);
  });

  it('never evaluates what a file says: a language tag is refused, not run or read as text', () => {
    const valid = `start: "2026-01-05T00:00"\nhorizonDays: 2\nresources: [{ id: desk, department: office, units: 1 }]\npatientClasses:\n  - { id: p, department: office, arrivals: { type: weekly, perDay: 10 }, pathway: v }\npathways:\n  v: [{ seize: [desk] }, { hold: { type: exponential, mean: 5 }, activity: serve }, { release: all }]\n`;
    expect(parseScenarioText(`name: plain\n${valid}`).name).toBe('plain');
    expect(() => parseScenarioText(`name: !!js/function "function () { globalThis.pwned = true }"\n${valid}`)).toThrow(
      /cannot be read as YAML at line 1.*Unresolved tag/s,
    );
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});
