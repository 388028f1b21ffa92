import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from './limits.js';
import { parseScenario, parseScenarioText, ScenarioError } from './index.js';
import { problemsOf } from '../test/fuzz/json-mutations.js';

/**
 * Issue 26, item 9: documents that once took tens of seconds (or overflowed the
 * stack) before being refused or run are refused by the count named, before the
 * schema checks them item by item. The assertions name the limit, not a time:
 * a refusal from the count check is made before the expensive work begins.
 */
type Doc = Record<string, any>;
function clinic(edit: (d: Doc) => void): Doc {
  const d: Doc = {
    name: 'clinic',
    start: '2026-03-02T08:00',
    horizonDays: 2,
    replications: 1,
    resources: [{ id: 'cubicle', department: 'clinic', units: 2 }],
    patientClasses: [{ id: 'walkIn', department: 'clinic', arrivals: { type: 'weekly', perDay: 30 }, pathway: 'visit' }],
    pathways: { visit: [{ seize: ['cubicle'] }, { hold: { type: 'exponential', mean: 30 }, activity: 'treatment' }, { release: 'all' }] },
  };
  edit(d);
  return d;
}

const problems = (read: () => unknown): string[] => problemsOf(read, ScenarioError);

const hold = { hold: { type: 'constant', value: 0.001 }, activity: 'a' };

describe('counts past their limits are refused before the schema walks them (issue 26, item 9)', () => {
  it('a pathway of 200,000 steps is refused at its path, naming the 10,000 steps a pathway may have', () => {
    const doc = clinic((d) => (d.pathways.visit = [{ seize: ['cubicle'] }, ...Array.from({ length: 200_000 }, () => hold), { release: 'all' }]));
    expect(problems(() => parseScenario(doc))).toEqual(['pathways.visit: has 200,002 steps, more than the 10,000 a pathway may have']);
  });

  it('200,000 patient classes, or pathways, are refused naming the 5,000 a scenario may have', () => {
    const classes = clinic((d) => {
      d.patientClasses = Array.from({ length: 200_000 }, (_, i) => ({
        id: `c${i}`,
        department: 'clinic',
        arrivals: { type: 'weekly', perDay: 1 },
        pathway: 'visit',
      }));
    });
    expect(problems(() => parseScenario(classes))).toEqual(['patientClasses: has 200,000 classes, more than the 5,000 a scenario may have']);
    const pathways = clinic((d) => {
      for (let i = 0; i < 6000; i++) d.pathways[`p${i}`] = [hold];
    });
    expect(problems(() => parseScenario(pathways))).toEqual(['pathways: has 6,001 pathways, more than the 5,000 a scenario may have']);
  });

  it('the limits themselves are accepted: 10,000 steps in a pathway and 5,000 classes', () => {
    const steps = clinic((d) => (d.pathways.visit = [{ seize: ['cubicle'] }, ...Array.from({ length: 9998 }, () => hold), { release: 'all' }]));
    expect(problems(() => parseScenario(steps))).toEqual([]);
    const classes = clinic((d) => {
      d.patientClasses = Array.from({ length: INPUT_LIMITS.patientClasses }, (_, i) => ({
        id: `c${i}`,
        department: 'clinic',
        arrivals: { type: 'weekly', perDay: 1 },
        pathway: 'visit',
      }));
    });
    expect(problems(() => parseScenario(classes))).toEqual([]);
  }, 30_000);

  it('a JSON list of 1,500,000 values (12 MB) is refused at its path, naming the 1,000,000 items a list may hold', () => {
    const values = Array.from({ length: 1_500_000 }, (_, i) => 1 + (i % 97));
    const doc = clinic((d) => (d.pathways.visit[1].hold = { type: 'empirical', values }));
    expect(problems(() => parseScenario(doc))).toEqual(['pathways.visit[1].hold.values: has 1,500,000 items, more than the 1,000,000 a list may hold']);
    const text = JSON.stringify(doc);
    expect(problems(() => parseScenarioText(text, 'long.json', 'json'))).toEqual([
      ': has a list of 1,500,000 items at pathways.visit[1].hold.values, more than the 1,000,000 a list may hold',
    ]);
  });

  it('a million wrong values in one list are refused at the list, not with a stack overflow', () => {
    const doc = clinic((d) => (d.pathways.visit[1].hold = { type: 'empirical', values: Array.from({ length: 1_000_000 }, () => 'x') }));
    expect(problems(() => parseScenario(doc))).toEqual([
      "pathways.visit[1].hold.values: has more wrong values than can be listed (in a list of 1,000,000 items): check the values' type",
    ]);
  }, 60_000);

  it('a YAML file of 20,000 aliases is refused at the first past the 1,000 a file may use, before any is resolved', () => {
    let text = 'name: clinic\nx:\n';
    for (let i = 0; i < 400; i++) text += `  - &a${i} 1\n`;
    for (let i = 0; i < 20_000; i++) text += `  - *a${i % 400}\n`;
    expect(problems(() => parseScenarioText(text, 'aliases.yaml', 'yaml'))).toEqual([
      ': cannot be read as YAML at line 1403: more than the 1,000 aliases (*name) a file may use',
    ]);
    // A file using aliases within the limit is read as before.
    // (the yaml library's own guard lets one anchor be aliased at most 100 times).
    let few = 'name: clinic\nx:\n';
    for (let i = 0; i < 20; i++) few += `  - &a${i} 1\n` + `  - *a${i}\n`.repeat(INPUT_LIMITS.yamlAliases / 20);
    expect(problems(() => parseScenarioText(few, 'few.yaml', 'yaml'))).toContain('x: is not a known field');
  });
});
