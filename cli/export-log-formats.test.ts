/**
 * `export-log --format xes|ocel`: the same activities as the CSV export, so a
 * process-mining tool sees the run the calibration reads. Each export is read
 * back by calibration's own readers and compared row by row with the CSV.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMapping, parseMappingText, readAnyEventLog, type EventLog } from '../calibration/index.js';
import { runCli, tempDir } from '../test/run-cli.js';

const CLINIC = {
  name: 'clinic-log',
  start: '2026-03-02T08:00',
  horizonDays: 4,
  warmupDays: 1,
  seed: 11,
  resources: [{ id: 'cubicle', department: 'clinic', units: 2 }],
  staff: [{ id: 'nurse', department: 'clinic', hourlyCost: 40, shifts: [{ days: 'all', start: '00:00', end: '24:00', count: 2 }] }],
  wards: [{ id: 'ward', type: 'general', beds: 4, costPerBedDay: 100 }],
  patientClasses: [
    {
      id: 'walkIn',
      department: 'clinic',
      arrivals: { type: 'weekly', perDay: 30 },
      attributes: { acuity: { values: [1, 2, 3], weights: [1, 2, 2] } },
      pathway: 'visit',
    },
    { id: 'admitted', department: 'clinic', arrivals: { type: 'weekly', perDay: 2 }, pathway: 'admit' },
  ],
  pathways: {
    visit: [
      { seize: ['cubicle', 'nurse'], id: 'cubicle', maxWait: 120 },
      { hold: { type: 'exponential', mean: 60 }, activity: 'treatment' },
      { release: 'all' },
    ],
    admit: [{ stay: 'ward', lengthOfStay: { type: 'exponential', mean: 2880 } }],
  },
};

/** What a row says about the run: case, activity, start, end (null while running), resource. */
const facts = (log: EventLog): unknown[] =>
  log.rows.map((r) => [r.case, r.activity, r.start, r.end, r.resource]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('hospital-twin export-log --format', () => {
  it('writes XES and OCEL 2.0 holding the same activities as the CSV, read back by calibration', async () => {
    const dir = await tempDir();
    const scenario = join(dir, 'clinic.json');
    await writeFile(scenario, JSON.stringify(CLINIC));
    for (const [format, file] of [
      ['csv', 'log.csv'],
      ['xes', 'log.xes'],
      ['ocel', 'log.jsonocel'],
    ] as const) {
      const r = await runCli(['export-log', scenario, '--format', format, '--out', join(dir, file)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const csvMap = new URL('../calibration/maps/export-log.yaml', import.meta.url).pathname;
    const csv = readAnyEventLog(await readFile(join(dir, 'log.csv'), 'utf8'), parseMappingText(await readFile(csvMap, 'utf8'), csvMap), 'log.csv');

    // XES: start and complete events paired back into the CSV's intervals; an activity still running has no end.
    const xesText = await readFile(join(dir, 'log.xes'), 'utf8');
    expect(xesText).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<log xes.version="1849-2016"/);
    const xes = readAnyEventLog(
      xesText,
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
          attributes: [{ column: 'case:class', name: 'class' }],
          time: { format: 'iso' },
        },
        'xes mapping',
      ),
      'log.xes',
    );
    expect(facts(xes)).toEqual(facts(csv));
    expect(csv.counts.open).toBeGreaterThan(0);
    expect(xes.counts.open).toBe(csv.counts.open);
    expect(xes.rows.find((r) => r.activity === 'treatment')!.attributes['class']).toBe('walkIn');

    // OCEL: each activity's events related to the patient and to every resource held, typed by what it is.
    const ocelText = await readFile(join(dir, 'log.jsonocel'), 'utf8');
    const doc = JSON.parse(ocelText) as {
      objects: { id: string; type: string }[];
      events: { type: string; relationships: { objectId: string; qualifier: string }[] }[];
    };
    const types = new Map(doc.objects.map((o) => [o.id, o.type]));
    expect([types.get('cubicle'), types.get('nurse'), types.get('ward')]).toEqual(['resource pool', 'staff', 'ward']);
    const treatment = doc.events.find((e) => e.type === 'treatment')!;
    expect(treatment.relationships.map((r) => r.qualifier)).toEqual(['patient', 'resource pool', 'staff']);
    const instants = csv.rows.filter((r) => r.end === r.start).length;
    const running = csv.counts.open;
    expect(doc.events).toHaveLength(2 * csv.rows.length - instants - running);
    const ocel = readAnyEventLog(
      ocelText,
      parseMapping(
        {
          columns: { case: 'object:patient', activity: 'concept:name', timestamp: 'time:timestamp', resource: 'object:staff', lifecycle: 'lifecycle' },
          lifecycle: ['start'],
          time: { format: 'iso' },
        },
        'ocel mapping',
      ),
      'log.jsonocel',
    );
    // Its start events are the CSV's activities that take time, at their starts.
    const started = csv.rows.filter((r) => r.end !== r.start);
    expect(ocel.rows.map((r) => [r.case, r.activity, r.start]).sort()).toEqual(started.map((r) => [r.case, r.activity, r.start]).sort());
  });
});
