/**
 * Seeded mutation fuzz of the XES and OCEL readers, as fuzz-log.test.ts does for
 * CSV logs: 500 damaged files of each form, each read or refused with a
 * CalibrationError, never a TypeError or a hang.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalibrationError } from './errors.js';
import { readAnyEventLog } from './read/log-format.js';
import { parseMapping, parseMappingText } from './read/mapping.js';
import { FUZZ_RUNS, FUZZ_SEED } from '../test/fuzz/json-mutations.js';

const ocel = (name: string): string => readFileSync(new URL(`../examples/data/ocel/${name}`, import.meta.url), 'utf8');
const OCEL_MAP = parseMappingText(readFileSync(new URL('./maps/ocel-day-ward.yaml', import.meta.url), 'utf8'), 'map');
const XES_MAP = parseMapping(
  {
    columns: { case: 'case:concept:name', activity: 'concept:name', start: 'start_timestamp', end: 'time:timestamp', lifecycle: 'lifecycle:transition' },
    lifecycle: ['start', 'complete'],
    time: { format: 'iso' },
  },
  'map',
);
const XES = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
${Array.from(
  { length: 6 },
  (_, c) => `  <trace>
    <string key="concept:name" value="c${c}"/>
    <event><string key="concept:name" value="triage"/><date key="time:timestamp" value="2026-01-05T0${c}:00:00.000+00:00"/><string key="lifecycle:transition" value="start"/></event>
    <event><string key="concept:name" value="triage"/><date key="time:timestamp" value="2026-01-05T0${c}:10:00.000+00:00"/><string key="lifecycle:transition" value="complete"/></event>
  </trace>`,
).join('\n')}
</log>
`;

const DAMAGE = [
  '"',
  '<',
  '>',
  '&',
  '&amp;',
  '/>',
  '</event>',
  '<event>',
  '\u0000',
  '\uFEFF',
  'x'.repeat(3000),
  '2026-13-45T99:99:99',
  '__proto__',
  'null',
  '{',
  '}',
  ']',
  ',',
];

/** Text damage: cut short, a character lost, something inserted, a line twice. */
function damage(text: string, kind: number, at: number, value: number): string {
  const i = at % text.length;
  const lines = text.split('\n');
  const k = at % lines.length;
  return [
    text.slice(0, i),
    text.slice(0, i) + text.slice(i + 1),
    text.slice(0, i) + DAMAGE[value % DAMAGE.length]! + text.slice(i),
    [...lines.slice(0, k + 1), lines[k]!, ...lines.slice(k + 1)].join('\n'),
  ][kind % 4]!;
}

function readOrRefused(text: string, source: string, mapping: typeof XES_MAP): 'read' | 'refused' {
  try {
    readAnyEventLog(text, mapping, source);
    return 'read';
  } catch (e) {
    if (!(e instanceof CalibrationError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    return 'refused';
  }
}

const edits = fc.tuple(fc.nat(3), fc.nat(), fc.nat());

describe('XES and OCEL readers under hundreds of damaged files', () => {
  for (const [name, text, source, mapping] of [
    ['XES', XES, 'log.xes', XES_MAP],
    ['OCEL XML', ocel('day-ward.xmlocel'), 'day-ward.xmlocel', OCEL_MAP],
    ['OCEL JSON', ocel('day-ward.jsonocel'), 'day-ward.jsonocel', OCEL_MAP],
  ] as const) {
    it(`${name}: each damaged file is read or refused with a CalibrationError`, () => {
      const seen = { read: 0, refused: 0 };
      fc.assert(
        fc.property(edits, ([kind, at, value]) => {
          seen[readOrRefused(damage(text, kind, at, value), source, mapping)]++;
        }),
        { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
      );
      expect(seen.refused).toBeGreaterThan(50);
    });
  }

  it('OCEL JSON with values replaced (null events, objects that are numbers, lists that are strings): read or refused', () => {
    const doc = JSON.parse(ocel('day-ward.jsonocel')) as { events: unknown[]; objects: unknown[] };
    const VALUES: unknown[] = [null, 1, 'x', [], {}, [null], { id: 1 }, { relationships: 'x' }, { attributes: [null] }];
    const seen = { read: 0, refused: 0 };
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), fc.nat(), (events, at, value) => {
        const d = structuredClone(doc);
        const list = events ? d.events : d.objects;
        list[at % list.length] = structuredClone(VALUES[value % VALUES.length]);
        seen[readOrRefused(JSON.stringify(d), 'day-ward.jsonocel', OCEL_MAP)]++;
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    expect(seen.refused).toBeGreaterThan(200);
  });
});
