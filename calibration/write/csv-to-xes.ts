/**
 * A CSV event log (one row per event) as XES: rows grouped into traces by case
 * (in order of each case's first row, events in row order), named columns
 * given their XES keys (activity -> concept:name, ...), every other column kept
 * under its own name, typed by what its values look like (int, float, boolean,
 * date, else string). Empty cells are left out. This is how the Sepsis log's
 * CSV in examples/data/sepsis/ was turned back into XES, its original format.
 */
import { parse } from 'csv-parse/sync';
import { xesHeader, xesTrace, XES_FOOTER, type XesAttribute, type XesType } from './xes-writer.js';

export interface CsvToXesOptions {
  delimiter: string;
  /** Column of the case id (the trace's concept:name). */
  case: string;
  /** Other columns and the XES key each becomes, e.g. { activity: 'concept:name', timestamp: 'time:timestamp' }. */
  keys: Record<string, string>;
  /** The log's own attributes (e.g. its name and source). */
  logAttributes?: XesAttribute[];
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function columnType(values: string[]): XesType {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return 'string';
  if (present.every((v) => /^-?\d+$/.test(v))) return 'int';
  if (present.every((v) => /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v))) return 'float';
  if (present.every((v) => v === 'true' || v === 'false')) return 'boolean';
  if (present.every((v) => ISO_TIME.test(v))) return 'date';
  return 'string';
}

export function csvToXes(text: string, o: CsvToXesOptions): string {
  const records = parse(text, { delimiter: o.delimiter, bom: true, skip_empty_lines: true }) as string[][];
  const header = records.shift() ?? [];
  const caseAt = header.indexOf(o.case);
  if (caseAt < 0) throw new Error(`no column "${o.case}"`);
  const columns = header
    .map((name, i) => ({ name, at: i, key: o.keys[name] ?? name, type: columnType(records.map((r) => r[i] ?? '')) }))
    .filter((c) => c.at !== caseAt);
  const traces = new Map<string, XesAttribute[][]>();
  for (const r of records) {
    const id = r[caseAt] ?? '';
    const event = columns.filter((c) => (r[c.at] ?? '') !== '').map((c) => ({ key: c.key, type: c.type, value: r[c.at]! }));
    const list = traces.get(id) ?? [];
    list.push(event);
    traces.set(id, list);
  }
  const parts = [xesHeader(o.logAttributes)];
  for (const [id, events] of traces) parts.push(xesTrace({ attributes: [{ key: 'concept:name', type: 'string', value: id }], events }));
  parts.push(XES_FOOTER);
  return parts.join('');
}
