/**
 * XES and OCEL 2.0 read for calibration: lifecycle pairs made into activities
 * with a start and an end, an object-centric log flattened on the mapping's
 * case object type, the JSON and XML of one OCEL log read alike, and files that
 * are not what they claim refused with where and why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrateText, CalibrationError, parseMapping, parseMappingText, type Mapping } from './index.js';
import { readAnyEventLog, logFormat } from './read/log-format.js';

const OCEL_JSON = new URL('../examples/data/ocel/day-ward.jsonocel', import.meta.url).pathname;
const OCEL_XML = new URL('../examples/data/ocel/day-ward.xmlocel', import.meta.url).pathname;
const OCEL_MAP = new URL('./maps/ocel-day-ward.yaml', import.meta.url).pathname;
const ocelMapping = (): Mapping => parseMappingText(readFileSync(OCEL_MAP, 'utf8'), OCEL_MAP);

const XES_INTERVALS = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
  <trace>
    <string key="concept:name" value="c1"/>
    <string key="ward" value="medical"/>
    <event><string key="concept:name" value="triage"/><date key="time:timestamp" value="2026-01-05T08:00:00.000+00:00"/><string key="lifecycle:transition" value="start"/><string key="org:resource" value="nurse"/></event>
    <event><string key="concept:name" value="scan"/><date key="time:timestamp" value="2026-01-05T08:05:00.000+00:00"/><string key="lifecycle:transition" value="schedule"/></event>
    <event><string key="concept:name" value="triage"/><date key="time:timestamp" value="2026-01-05T08:10:00.000+00:00"/><string key="lifecycle:transition" value="complete"/><string key="org:resource" value="nurse"/></event>
    <event><string key="concept:name" value="scan"/><date key="time:timestamp" value="2026-01-05T08:20:00.000+00:00"/><string key="lifecycle:transition" value="start"/><string key="concept:instance" value="1"/></event>
    <event><string key="concept:name" value="scan"/><date key="time:timestamp" value="2026-01-05T08:25:00.000+00:00"/><string key="lifecycle:transition" value="start"/><string key="concept:instance" value="2"/></event>
    <event><string key="concept:name" value="scan"/><date key="time:timestamp" value="2026-01-05T08:40:00.000+00:00"/><string key="lifecycle:transition" value="complete"/><string key="concept:instance" value="2"/></event>
    <event><string key="concept:name" value="scan"/><date key="time:timestamp" value="2026-01-05T08:50:00.000+00:00"/><string key="lifecycle:transition" value="complete"/><string key="concept:instance" value="1"/></event>
    <event><string key="concept:name" value="leave"/><date key="time:timestamp" value="2026-01-05T09:00:00.000+00:00"/><string key="lifecycle:transition" value="complete"/></event>
    <event><string key="concept:name" value="call"/><date key="time:timestamp" value="2026-01-05T09:30:00.000+00:00"/><string key="lifecycle:transition" value="start"/></event>
  </trace>
</log>
`;

const intervalMapping = (): Mapping =>
  parseMapping(
    {
      columns: {
        case: 'case:concept:name',
        activity: 'concept:name',
        start: 'start_timestamp',
        end: 'time:timestamp',
        resource: 'org:resource',
        lifecycle: 'lifecycle:transition',
      },
      lifecycle: ['start', 'complete'],
      attributes: [{ column: 'case:ward', name: 'ward' }],
      time: { format: 'iso' },
    },
    'test mapping',
  );

const minute = (iso: string): number => Date.parse(iso) / 60000;

describe('an XES log with lifecycle start and complete events', () => {
  it('pairs each start with the completion of the same activity (and instance) into one activity with a start and an end', () => {
    const log = readAnyEventLog(XES_INTERVALS, intervalMapping(), 'visits.xes');
    expect(log.kind).toBe('intervals');
    const rows = log.rows.map((r) => [
      r.activity,
      r.start - minute('2026-01-05T08:00:00Z'),
      r.end === null ? null : r.end - minute('2026-01-05T08:00:00Z'),
      r.resource,
    ]);
    expect(rows).toEqual([
      ['triage', 0, 10, 'nurse'],
      ['scan', 20, 50, null], // instance 1: 08:20 to 08:50, though instance 2 completed first
      ['scan', 25, 40, null],
      ['leave', 60, 60, null], // a completion with no start: an instant
      ['call', 90, null, null], // started, never completed: still running when the log ends
    ]);
    // The schedule event is a row of its own, dropped by the mapping's lifecycle filter.
    expect(log.counts.filtered).toBe(1);
    expect(log.counts.open).toBe(1);
    expect(log.rows[0]!.attributes).toEqual({ ward: 'medical' });
    // Rows are listed by the line of the XES file their first event is on.
    expect(log.rows[0]!.line).toBe(6);
  });

  it('is refused when it is not well-formed XML, saying on which line', () => {
    const broken = XES_INTERVALS.replace('</trace>', '');
    expect(() => readAnyEventLog(broken, intervalMapping(), 'visits.xes')).toThrow(CalibrationError);
    expect(() => readAnyEventLog(broken, intervalMapping(), 'visits.xes')).toThrow(/line \d+: not well-formed XML/);
  });

  it('is told by its first characters when its name does not say', () => {
    expect(logFormat('upload', XES_INTERVALS)).toBe('xes');
    expect(logFormat('upload', readFileSync(OCEL_XML, 'utf8'))).toBe('ocel-xml');
    expect(logFormat('upload', readFileSync(OCEL_JSON, 'utf8'))).toBe('ocel-json');
    expect(logFormat('upload', 'case,activity\n')).toBe('csv');
    expect(logFormat('log.xes.gz', '')).toBe('xes');
  });
});

describe('an OCEL 2.0 log of a day ward (hand-made: patients, beds, staff, a CT scanner)', () => {
  const json = readAnyEventLog(readFileSync(OCEL_JSON, 'utf8'), ocelMapping(), 'day-ward.jsonocel');
  const xml = readAnyEventLog(readFileSync(OCEL_XML, 'utf8'), ocelMapping(), 'day-ward.xmlocel');

  it('reads the same rows from its JSON and its XML', () => {
    const strip = (r: (typeof json.rows)[number]): unknown => ({ ...r, line: 0 });
    expect(xml.rows.map(strip)).toEqual(json.rows.map(strip));
    expect(xml.counts).toEqual(json.counts);
  });

  it('makes each patient a case, an event seeing two patients a row of each, and leaves out events with no patient', () => {
    expect(new Set(json.rows.map((r) => r.case)).size).toBe(12);
    const round = json.rows.filter((r) => r.activity === 'ward round');
    expect(round.map((r) => r.case).sort()).toEqual(['p1', 'p2']);
    expect(json.rows.some((r) => r.activity === 'clean bed')).toBe(false);
    // 12 arrivals, admissions and discharges, 8 CT scans, and the ward round's two rows.
    expect(json.counts.used).toBe(12 * 3 + 8 + 2);
  });

  it('takes the resource from the staff objects, and a patient attribute at its value when the event happened', () => {
    const scan = json.rows.find((r) => r.case === 'p1' && r.activity === 'CT scan')!;
    expect(scan.resource).toBe('radiographer-cy');
    const p4 = json.rows.filter((r) => r.case === 'p4').map((r) => [r.activity, r.attributes['acuity']]);
    expect(p4).toEqual([
      ['arrive', 'routine'],
      ['admit', 'routine'],
      ['CT scan', 'urgent'], // acuity changed at 15:00, between admission and scan
      ['discharge', 'urgent'],
    ]);
    expect(json.rows.find((r) => r.case === 'p4')!.attributes['age']).toBe('65-plus');
  });

  it('calibrates to the same scenario from JSON and XML, one that passes the schema', async () => {
    const run = (path: string) =>
      calibrateText(readFileSync(path, 'utf8'), ocelMapping(), { logSource: 'day-ward', mapSource: OCEL_MAP, scenarioPath: 'day-ward.yaml', validate: false });
    const [a, b] = await Promise.all([run(OCEL_JSON), run(OCEL_XML)]);
    expect(a.scenarioText).toBe(b.scenarioText);
    expect(a.scenario.wards?.map((w) => w.id)).toEqual(['day-ward']);
  });

  it('is refused when the mapping does not name the case object type, or names one the log has not', () => {
    const text = readFileSync(OCEL_JSON, 'utf8');
    const withCase = (c: string): Mapping => parseMapping({ ...ocelMapping(), columns: { ...ocelMapping().columns, case: c } }, 'test');
    expect(() => readAnyEventLog(text, withCase('patient_id'), 'day-ward.jsonocel')).toThrow(
      /name the object type whose objects are the cases, e.g. "object:patient"/,
    );
    expect(() => readAnyEventLog(text, withCase('object:visitor'), 'day-ward.jsonocel')).toThrow(
      /no objects of type "visitor" \(its object types: "bed", "device", "patient", "staff"\)/,
    );
  });

  it('is refused when an event refers to an object that is not in the log', () => {
    const text = readFileSync(OCEL_JSON, 'utf8').replace('"objectId": "bed-2"', '"objectId": "bed-9"');
    expect(() => readAnyEventLog(text, ocelMapping(), 'day-ward.jsonocel')).toThrow(/refers to an object "bed-9" that is not in "objects"/);
  });
});
