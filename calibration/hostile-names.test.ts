import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenarios/index.js';
import { calibrateText } from './calibrate-text.js';
import { parseMapping } from './read/mapping.js';

/** 200 cases with an attribute column named "toString", whose values include "__proto__" and "constructor". */
function log(): string {
  const rows = ['case,activity,time,toString'];
  const values = ['__proto__', 'constructor', 'plain'];
  for (let i = 0; i < 200; i++) {
    const day = 1 + (i % 28);
    const t0 = `2026-02-${String(day).padStart(2, '0')}T${String(6 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
    const v = values[i % 3]!;
    ['A', 'B'].forEach((a, k) => rows.push(`c${i},${a},${t0}:${String(10 * k + (i % 7)).padStart(2, '0')},${v}`));
  }
  return rows.join('\n');
}

describe('calibration keeps attribute names and values that every object inherits (issue 16, item 6)', () => {
  it('an attribute "toString" with values "__proto__" and "constructor" reaches the scenario, which is valid', async () => {
    const mapping = parseMapping({
      columns: { case: 'case', activity: 'activity', timestamp: 'time' },
      time: { format: 'iso' },
      attributes: ['toString'],
      model: { durationsBy: 'toString', replications: 2 },
    });
    const r = await calibrateText(log(), mapping, { logSource: 'log.csv', mapSource: 'map.yaml', scenarioPath: 'out.json', format: 'json', validate: false });
    const attributes = (r.scenario.patientClasses as { attributes?: Record<string, { values: unknown[] }> }[])[0]!.attributes!;
    expect(Object.hasOwn(attributes, 'toString')).toBe(true);
    expect([...attributes['toString']!.values].sort()).toEqual(['__proto__', 'constructor', 'plain']);
    expect(() => parseScenario(JSON.parse(r.scenarioText), 'out.json')).not.toThrow();
  });
});
