/**
 * An event log from CSV text and its mapping. Every row is either used,
 * filtered out by the mapping (lifecycle), or counted as bad with its line
 * number and why; a file that is mostly bad is refused.
 */
import { INPUT_LIMITS } from '../../scenarios/index.js';
import { parse } from 'csv-parse/sync';
import { CalibrationError } from '../errors.js';
import { attributeColumns, type AttributeColumn, type Mapping } from './mapping.js';
import { timeReader } from './timestamps.js';
import { RecordExtent } from './record-extent.js';

/** One activity of one case: an interval, or an instant when the log has one time per event. */
export interface LogRow {
  case: string;
  activity: string;
  /** Instants in minutes since the Unix epoch. */
  start: number;
  /** null: still open when the log ends (an interval log row with an empty end). */
  end: number | null;
  /** Wall clock minus instant at the start, minutes (the hospital's offset from UTC then). */
  wallOffset: number;
  resource: string | null;
  /** Attribute values on this row (empty cells left out). */
  attributes: Record<string, string>;
  /** Line of the file (1 is the header), or the order of the row for logs not read from a file. */
  line: number;
}

export interface BadRow {
  line: number;
  reason: string;
}

export interface EventLog {
  source: string;
  /** `intervals`: a start and an end per activity; `events`: one time per event (durations are the times between events). */
  kind: 'intervals' | 'events';
  rows: LogRow[];
  /** The columns a case id is read from: the first not empty on a row. */
  caseColumns: string[];
  attributeNames: string[];
  /** Attributes read from the mapping's case tables (chosen groups such as DRGs: kept however many values they have). */
  tableAttributes?: string[];
  /** The finest time step written in the log, minutes (1/60: seconds). */
  resolution: number;
  counts: {
    /** Data rows in the file (after the header, empty lines not counted). */
    records: number;
    used: number;
    /** Left out by the mapping's lifecycle filter. */
    filtered: number;
    /** Interval rows with an empty end: still open when the log was taken. */
    open: number;
    /** Used rows whose first case column was empty, by the fallback column that gave their id (`columns.case` as a list). */
    fallbackIds: Record<string, number>;
  };
  bad: BadRow[];
}

/** Reads CSV text with the mapping; throws CalibrationError for a missing column or a mostly bad file. */
export function readEventLog(text: string, mapping: Mapping, source = 'log'): EventLog {
  const bad: BadRow[] = [];
  const records: { fields: string[]; line: number }[] = [];
  const extent = new RecordExtent();
  const parsed = parse(text, {
    delimiter: mapping.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: INPUT_LIMITS.logRowCharacters,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (err, raw) => {
      const end = typeof err?.lines === 'number' ? err.lines : 0;
      const line = firstLine(end, raw ?? '');
      extent.add(line, end, err?.code === 'CSV_QUOTE_NOT_CLOSED');
      const message = err?.message.replace(/ at line \d+.*$/, '').replace(/:.*$/, '') ?? 'malformed';
      bad.push({
        line,
        reason: `cannot be read as CSV (${message})${err?.code === 'CSV_QUOTE_NOT_CLOSED' ? `: a quote opened here is never closed, so lines ${line} to ${end} are lost` : ''}`,
      });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
  for (const r of parsed) {
    const line = firstLine(r.info.lines, r.raw);
    extent.add(line, r.info.lines, false);
    records.push({ fields: r.record, line });
  }
  const lost = extent.problem(text);
  if (lost) throw new CalibrationError(source, [lost]);
  const headerRecord = records.shift();
  if (!headerRecord) throw new CalibrationError(source, ['the file is empty: it has no header row']);
  const header = headerRecord.fields.map((h) => h.trim());

  const cols = mapping.columns;
  const caseColumns = typeof cols.case === 'string' ? [cols.case] : cols.case;
  const attributes = attributeColumns(mapping, header);
  const wanted: [string, string | undefined][] = [
    ...caseColumns.map((c, i): [string, string] => [typeof cols.case === 'string' ? 'columns.case' : `columns.case[${i}]`, c]),
    ['columns.activity', cols.activity],
    ['columns.start', cols.start],
    ['columns.end', cols.end],
    ['columns.timestamp', cols.timestamp],
    ['columns.resource', cols.resource],
    ['columns.lifecycle', cols.lifecycle],
    ...attributes.map((a, i): [string, string] => [`attributes[${i}]`, a.column]),
  ];
  const missing = wanted.filter(([, c]) => c !== undefined && !header.includes(c));
  if (missing.length > 0) {
    const delimiterHint = header.length === 1 ? ` (the header has a single column: is the delimiter "${mapping.delimiter}" right?)` : '';
    throw new CalibrationError(source, [
      ...missing.map(([field, c]) => `${field}: the log has no column "${c!}"${delimiterHint}`),
      `the log's columns are: ${header.map((h) => `"${h}"`).join(', ')}`,
    ]);
  }
  const index = (c: string | undefined): number => (c === undefined ? -1 : header.indexOf(c));
  const at = {
    cases: caseColumns.map((c) => index(c)),
    activity: index(cols.activity),
    start: index(cols.start ?? cols.timestamp),
    end: index(cols.end),
    resource: index(cols.resource),
    lifecycle: index(cols.lifecycle),
  };
  const attributeAt = attributes.map((a) => ({ ...a, at: header.indexOf(a.column) }));
  const keepLifecycle = mapping.lifecycle ? new Set(mapping.lifecycle.map((l) => l.toLowerCase())) : null;
  const read = timeReader(mapping.time.format, mapping.time.zone);
  const kind = cols.timestamp !== undefined ? 'events' : 'intervals';

  const rows: LogRow[] = [];
  let filtered = 0;
  let open = 0;
  const fallbackIds: Record<string, number> = {};
  let resolution = 1;
  // An exact repeat of an earlier row is an export's slip, not a second activity (it made self-loops): dropped, listed.
  const firstSeen = new Map<string, number>();
  for (const { fields, line } of records) {
    const whole = fields.join('\u0000');
    const before = firstSeen.get(whole);
    if (before !== undefined) {
      bad.push({ line, reason: `repeats line ${before} exactly: dropped` });
      continue;
    }
    firstSeen.set(whole, line);
    if (fields.length !== header.length) {
      bad.push({ line, reason: `has ${fields.length} field${fields.length === 1 ? '' : 's'}, the header has ${header.length}` });
      continue;
    }
    const cell = (i: number): string => (i < 0 ? '' : fields[i]!.trim());
    if (keepLifecycle && !keepLifecycle.has(cell(at.lifecycle).toLowerCase())) {
      filtered++;
      continue;
    }
    const problems: string[] = [];
    const ids = at.cases.map(cell);
    const id = caseId(ids, caseColumns);
    const activity = cell(at.activity);
    if (id === '') problems.push(`no case id (column${caseColumns.length > 1 ? 's' : ''} ${caseColumns.map((c) => `"${c}"`).join(', ')})`);
    if (activity === '') problems.push(`no activity (column "${cols.activity}")`);
    const startText = cell(at.start);
    const start = read(startText);
    const startColumn = cols.start ?? cols.timestamp!;
    if (start === null)
      problems.push(
        startText === '' ? `no time (column "${startColumn}")` : `time "${startText}" cannot be read as ${mapping.time.format} (column "${startColumn}")`,
      );
    let end: number | null = start ? start.instant : null;
    if (kind === 'intervals') {
      const endText = cell(at.end);
      if (at.end < 0) end = start ? start.instant : null;
      else if (endText === '') end = null;
      else {
        const e = read(endText);
        if (e === null) problems.push(`end time "${endText}" cannot be read as ${mapping.time.format} (column "${cols.end!}")`);
        else {
          end = e.instant;
          resolution = Math.min(resolution, e.resolution);
          if (start && e.instant < start.instant) problems.push(`ends (${endText}) before it starts (${startText})`);
        }
      }
    }
    if (problems.length > 0 || start === null) {
      bad.push({ line, reason: problems.join('; ') });
      continue;
    }
    resolution = Math.min(resolution, start.resolution);
    if (kind === 'intervals' && at.end >= 0 && cell(at.end) === '') open++;
    const from = ids.findIndex((v) => v !== '');
    if (from > 0) fallbackIds[caseColumns[from]!] = (fallbackIds[caseColumns[from]!] ?? 0) + 1;
    rows.push({
      case: id,
      activity,
      start: start.instant,
      end,
      wallOffset: start.wall - start.instant,
      resource: at.resource >= 0 && cell(at.resource) !== '' ? cell(at.resource) : null,
      attributes: readAttributes(fields, attributeAt),
      line,
    });
  }

  const total = records.length + bad.filter((b) => b.reason.startsWith('cannot be read as CSV')).length;
  const considered = total - filtered;
  const hints = (): string[] => {
    const times = bad.filter((b) => / cannot be read as (?!CSV)/.test(b.reason)).length;
    return times > bad.length / 2 ? [`most of the bad rows have times that cannot be read as "${mapping.time.format}": check time.format in the mapping`] : [];
  };
  if (rows.length === 0) {
    throw new CalibrationError(source, [
      considered === 0
        ? 'no rows to read (every row was filtered out by the lifecycle filter, or the file has only a header)'
        : `none of its ${considered} rows could be read: refusing to calibrate from a file that is all bad (is the mapping right?)`,
      ...hints(),
      ...firstProblems(bad),
    ]);
  }
  if (bad.length > mapping.maxBadShare * considered) {
    throw new CalibrationError(source, [
      `${bad.length} of its ${considered} rows (${Math.round((100 * bad.length) / considered)}%) are bad, more than the ${Math.round(mapping.maxBadShare * 100)}% allowed: refusing to calibrate from a file that is mostly bad (is the mapping right?)`,
      ...hints(),
      ...firstProblems(bad),
    ]);
  }
  return {
    source,
    kind,
    rows,
    caseColumns,
    attributeNames: attributes.map((a) => a.name),
    resolution,
    counts: { records: total, used: rows.length, filtered, open, fallbackIds },
    bad,
  };
}

/**
 * The case id: the first case column that is not empty. An id from a fallback
 * column carries that column's name, so it cannot be taken for an id of the first.
 */
function caseId(values: string[], columns: string[]): string {
  const k = values.findIndex((v) => v !== '');
  if (k < 0) return '';
  return k === 0 ? values[0]! : `${columns[k]!}:${values[k]!}`;
}

function readAttributes(fields: string[], columns: (AttributeColumn & { at: number })[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of columns) {
    const text = fields[a.at]!.trim();
    if (text === '') continue;
    if (a.bins) {
      const x = Number(text);
      if (!Number.isFinite(x)) continue;
      let k = 0;
      while (k < a.bins.length && x >= a.bins[k]!) k++;
      define(out, a.name, a.labels![k]!);
    } else {
      define(out, a.name, text);
    }
  }
  return out;
}

/** A value under a name from the user's mapping, an own key even when the name is "__proto__". */
function define(record: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

function firstProblems(bad: BadRow[]): string[] {
  const shown = bad.slice(0, 10).map((b) => `line ${b.line}: ${b.reason}`);
  if (bad.length > 10) shown.push(`... and ${bad.length - 10} more bad rows`);
  return shown;
}

/**
 * The line a record starts on, from the line it ends on and its raw text: the
 * line breaks inside it (not the one that ends it) back, the empty lines the
 * parser skipped before it forward.
 */
function firstLine(endLine: number, raw: string): number {
  const breaks = (t: string): number => (t.match(/\r\n|\r|\n/g) ?? []).length;
  const leading = /^[\r\n]+/.exec(raw)?.[0] ?? '';
  return endLine - breaks(raw.replace(/[\r\n]+$/, '')) + breaks(leading);
}
