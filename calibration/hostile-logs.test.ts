/**
 * XES and OCEL logs of the wrong shape, from another system, are refused
 * with where and why (a CalibrationError), never a TypeError or a message
 * about something else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CalibrationError, parseMapping, parseMappingText, type Mapping } from './index.js';
import { readAnyEventLog } from './read/log-format.js';

const OCEL_JSON = new URL('../examples/data/ocel/day-ward.jsonocel', import.meta.url).pathname;
const OCEL_MAP = new URL('./maps/ocel-day-ward.yaml', import.meta.url).pathname;
const ocelMapping = (): Mapping => parseMappingText(readFileSync(OCEL_MAP, 'utf8'), OCEL_MAP);

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof CalibrationError) return e.problems.join('\n');
    throw e;
  }
  return 'accepted';
}

describe('OCEL JSON of the wrong shape is refused by path', () => {
  const log = JSON.parse(readFileSync(OCEL_JSON, 'utf8')) as { events: unknown[]; objects: unknown[] };
  const read = (doc: unknown): string => refusal(() => readAnyEventLog(JSON.stringify(doc), ocelMapping(), 'day-ward.jsonocel'));

  it('a null event, a null object', () => {
    expect(read({ ...log, events: [null, ...log.events] })).toMatch(/events\[0\]: needs a string "id", "type" and "time"/);
    expect(read({ ...log, objects: [...log.objects, null] })).toMatch(new RegExp(`objects\\[${log.objects.length}\\]: needs a string "id" and "type"`));
  });

  it('attributes or relationships that are not lists of objects', () => {
    const events = structuredClone(log.events) as Record<string, unknown>[];
    events[0]!['relationships'] = [null];
    events[1]!['attributes'] = 'x';
    expect(read({ ...log, events })).toMatch(/events\[0\]\.relationships\[0\]: must be an object[^]*events\[1\]\.attributes: must be a list/);
  });

  it('a document that is null or a list', () => {
    expect(read(null)).toMatch(/needs "objects" and "events" arrays/);
    expect(read([1])).toMatch(/needs "objects" and "events" arrays/);
  });
});

describe('an XES value past the row limit is named', () => {
  it('a 200,000-character attribute is refused naming its key and line, not "the rows stop at line ..."', () => {
    const events = Array.from(
      { length: 30 },
      (_, k) =>
        `<event><string key="concept:name" value="a${k}"/><date key="time:timestamp" value="2026-01-05T08:${String(k).padStart(2, '0')}:00.000+00:00"/>${k === 3 ? `<string key="note" value="${'x'.repeat(200_000)}"/>` : ''}</event>`,
    );
    const text = `<?xml version="1.0"?>\n<log xes.version="1849-2016">\n<trace><string key="concept:name" value="c1"/>\n${events.join('\n')}\n</trace>\n</log>\n`;
    const mapping = parseMapping({ columns: { case: 'case:concept:name', activity: 'concept:name', start: 'start_timestamp', end: 'time:timestamp' } }, 'map');
    const message = refusal(() => readAnyEventLog(text, mapping, 'long.xes'));
    expect(message).toMatch(/line 7: the value of "note" is 200,000 characters; an event of the XES log may hold at most 100,000 in all/);
  });
});
