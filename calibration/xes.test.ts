/**
 * The Sepsis log in XES, its original format: examples/data/sepsis/sepsis-events.xes.gz
 * is the CSV beside it converted back (calibration/write/csv-to-xes.ts; rewrite it
 * with XES_FIXTURE_UPDATE=1), and calibrating either gives the same scenario.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { calibrateText, parseMappingText } from './index.js';
import { readAnyEventLog } from './read/log-format.js';
import { csvToXes } from './write/csv-to-xes.js';

const CSV = new URL('../examples/data/sepsis/sepsis-events.csv.gz', import.meta.url).pathname;
const XES = new URL('../examples/data/sepsis/sepsis-events.xes.gz', import.meta.url).pathname;
const MAP_CSV = new URL('./maps/sepsis.yaml', import.meta.url).pathname;
const MAP_XES = new URL('./maps/sepsis-xes.yaml', import.meta.url).pathname;

const csvText = gunzipSync(readFileSync(CSV)).toString('utf8');

function converted(): string {
  return csvToXes(csvText, {
    delimiter: ';',
    case: 'case_id',
    keys: { activity: 'concept:name', timestamp: 'time:timestamp', org_group: 'org:group', lifecycle: 'lifecycle:transition' },
    logAttributes: [
      { key: 'concept:name', type: 'string', value: 'Sepsis Cases - Event Log' },
      { key: 'source', type: 'string', value: 'Mannhardt 2016, 4TU.ResearchData, doi:10.4121/uuid:915d2bfb-7e84-49ad-a286-dc35f063a460, CC BY 4.0' },
    ],
  });
}

if (process.env['XES_FIXTURE_UPDATE']) writeFileSync(XES, gzipSync(converted(), { level: 9 }));

describe('the Sepsis log in XES', () => {
  it('has a mapping that is the CSV one with XES names: every model choice the same (change both together)', () => {
    const csv = parseMappingText(readFileSync(MAP_CSV, 'utf8'), MAP_CSV);
    const xes = parseMappingText(readFileSync(MAP_XES, 'utf8'), MAP_XES);
    expect(xes.columns).toEqual({
      case: 'case:concept:name',
      activity: 'concept:name',
      timestamp: 'time:timestamp',
      resource: 'org:group',
      lifecycle: 'lifecycle:transition',
    });
    expect({ ...xes, columns: csv.columns }).toEqual(csv);
  });

  it('is the CSV beside it, converted (a stale fixture fails here)', () => {
    expect(gunzipSync(readFileSync(XES)).toString('utf8')).toBe(converted());
  });

  it('reads to the same rows as its CSV: the same cases, activities, times, resources and ages', () => {
    const xesText = gunzipSync(readFileSync(XES)).toString('utf8');
    const fromXes = readAnyEventLog(xesText, parseMappingText(readFileSync(MAP_XES, 'utf8'), MAP_XES), 'sepsis-events.xes');
    const fromCsv = readAnyEventLog(csvText, parseMappingText(readFileSync(MAP_CSV, 'utf8'), MAP_CSV), 'sepsis-events.csv');
    expect(fromXes.counts).toEqual(fromCsv.counts);
    expect(fromXes.bad).toEqual([]);
    const strip = (r: (typeof fromCsv.rows)[number]): unknown => ({ ...r, line: 0 });
    expect(fromXes.rows.map(strip)).toEqual(fromCsv.rows.map(strip));
  });

  it('calibrates to the same scenario as its CSV, word for word', async () => {
    const run = (text: string, map: string, source: string) =>
      calibrateText(text, parseMappingText(readFileSync(map, 'utf8'), map), {
        logSource: source,
        mapSource: 'sepsis mapping',
        scenarioPath: 'sepsis.yaml',
        validate: false,
      });
    const [x, c] = await Promise.all([
      run(gunzipSync(readFileSync(XES)).toString('utf8'), MAP_XES, 'sepsis-events.xes.gz'),
      run(csvText, MAP_CSV, 'sepsis-events.csv.gz'),
    ]);
    // Word for word but the log's file name, said in the first comment and the description.
    expect(x.scenarioText).toMatch(/^# Calibrated by `hospital-twin calibrate` from sepsis-events.xes.gz/);
    expect(x.scenarioText.replaceAll('sepsis-events.xes.gz', 'sepsis-events.csv.gz')).toBe(c.scenarioText);
  });
});
