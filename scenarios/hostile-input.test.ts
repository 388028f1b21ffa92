import { describe, expect, it } from 'vitest';
import { runHospital } from '../sim-core/index.js';
import { compileScenario, parseScenario, parseScenarioText, ScenarioError } from './index.js';

/** A small clinic of a few milliseconds' run; `edit` changes a copy. */
function clinic(edit: (d: Record<string, any>) => void = () => {}): Record<string, any> {
  const d: Record<string, any> = {
    name: 'clinic',
    start: '2026-03-02T08:00',
    horizonDays: 2,
    replications: 1,
    resources: [{ id: 'cubicle', department: 'clinic', units: 2 }],
    patientClasses: [{ id: 'walkIn', department: 'clinic', arrivals: { type: 'weekly', perDay: 30 }, attributes: { acuity: { values: ['a', 'b'], weights: [1, 1] } }, pathway: 'visit' }],
    pathways: { visit: [{ seize: ['cubicle'] }, { hold: { type: 'exponential', mean: 30 }, activity: 'treatment' }, { release: 'all' }] },
  };
  edit(d);
  return d;
}

/** The problems a document is refused with ([] if accepted); anything but a ScenarioError fails the test. */
function problemsOf(document: unknown, text?: string): string[] {
  try {
    if (text !== undefined) parseScenarioText(text, 'hostile.json', 'json');
    else parseScenario(document, 'hostile');
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
}

/** Accepted and runs (one replication) without throwing, or refused with located problems: never a crash. */
function runsOrRefused(document: unknown, text?: string): 'ran' | string[] {
  const problems = problemsOf(document, text);
  if (problems.length > 0) {
    for (const p of problems) expect(p).toMatch(/^\S+: /);
    return problems;
  }
  const scenario = text !== undefined ? parseScenarioText(text, 'hostile.json', 'json') : parseScenario(document, 'hostile');
  runHospital(compileScenario(scenario), { seed: 1, replication: 1 });
  return 'ran';
}

describe('the start must be a real calendar date and time (issue 16, item 5)', () => {
  it.each([
    ['2026-13-45T99:99', /start: has no month 13/],
    ['2026-02-30T08:00', /start: has no day 30 in that month \(02\/2026 has 28 days\)/],
    ['2025-02-29T08:00', /has no day 29/],
    ['2026-04-31T08:00', /has no day 31/],
    ['2026-03-02T24:00', /has no hour 24/],
    ['2026-03-02T08:60', /has no minute 60/],
    ['2026-00-10T08:00', /has no month 0/],
  ])('%s is refused, not rolled over to another day', (start, message) => {
    const problems = problemsOf(clinic((d) => (d.start = start)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('29 February of a leap year and the last minute of a day are accepted', () => {
    expect(problemsOf(clinic((d) => (d.start = '2028-02-29T23:59')))).toEqual([]);
  });
});

const INHERITED = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];

describe('names every object inherits are names like any other (issue 16, item 6)', () => {
  it.each(INHERITED)('a class following pathway "%s", which is not defined, is refused at patientClasses[0].pathway', (name) => {
    const problems = problemsOf(clinic((d) => (d.patientClasses[0].pathway = name)));
    expect(problems.join('\n')).toMatch(/^patientClasses\[0\]\.pathway: /);
  });

  it.each(INHERITED)('a pathway named "%s" runs (or is refused as not an id)', (name) => {
    const text = JSON.stringify(clinic()).replaceAll('"visit"', JSON.stringify(name));
    expect(runsOrRefused(undefined, text)).toBeDefined();
  });

  it.each(INHERITED)('an attribute value "%s" with no case of its own takes the otherwise duration, and runs', (name) => {
    const d = clinic((d) => {
      d.patientClasses[0].attributes.acuity.values = [name, 'b'];
      d.pathways.visit[1] = { hold: { byAttribute: 'acuity', cases: { b: { type: 'constant', value: 3 } }, otherwise: { type: 'constant', value: 5 } }, activity: 'treatment' };
    });
    expect(runsOrRefused(d)).toBe('ran');
  });

  it.each(INHERITED)('an attribute value "%s" with no case and no otherwise is refused, naming the value', (name) => {
    const d = clinic((d) => {
      d.patientClasses[0].attributes.acuity.values = [name, 'b'];
      d.pathways.visit[1] = { hold: { byAttribute: 'acuity', cases: { b: { type: 'constant', value: 3 } } }, activity: 'treatment' };
    });
    expect(problemsOf(d).join('\n')).toMatch(new RegExp(`pathways\\.visit\\[1\\]\\.hold\\.otherwise: is required: no case for acuity "${name}"`));
  });

  it.each(INHERITED)('an attribute, a priority case and a branchOn case named "%s" run or are refused, never crash', (name) => {
    const text = JSON.stringify(
      clinic((d) => {
        d.patientClasses[0].attributes = { [name]: { values: [name, 'b'], weights: [1, 1] } };
        d.pathways.visit = [
          { seize: ['cubicle'], priority: { byAttribute: name, cases: { [name]: 2 } } },
          { branchOn: name, cases: { [name]: 'short' }, otherwise: 'long' },
          { hold: { type: 'constant', value: 1 }, activity: 't', id: 'short' },
          { hold: { type: 'constant', value: 9 }, activity: 't', id: 'long' },
          { release: 'all' },
        ];
      }),
    );
    expect(runsOrRefused(undefined, text)).toBeDefined();
  });
});
