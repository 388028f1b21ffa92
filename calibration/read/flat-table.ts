/**
 * A log read from XES or OCEL, flattened into one table the way pm4py flattens
 * it (`case:concept:name`, `concept:name`, `time:timestamp`, `org:resource`,
 * `lifecycle:transition`, trace attributes as `case:<key>`), then read by the
 * same code as a CSV log, so that a mapping means the same whatever the format
 * and the XES and CSV of one log calibrate to the same scenario. Bad rows are
 * listed by the line of the XES or OCEL file their event starts on.
 */
import { INPUT_LIMITS } from '../../scenarios/index.js';
import { CalibrationError } from '../errors.js';
import type { Mapping } from './mapping.js';
import { readEventLog, type EventLog } from './read-log.js';

export interface FlatRow {
  values: Map<string, string>;
  /** Line of the source file where the row's (first) event starts. */
  line: number;
}

export interface FlatTable {
  /** Column names in the order first met. */
  columns: string[];
  rows: FlatRow[];
  /** What the reader did that a user should know (pairs made, events left out), for messages. */
  notes: string[];
}

/** Adds a row, keeping `columns` the union of every row's keys in the order first met. */
export function pushRow(table: FlatTable, seen: Set<string>, row: FlatRow): void {
  for (const k of row.values.keys()) {
    if (!seen.has(k)) {
      seen.add(k);
      table.columns.push(k);
    }
  }
  table.rows.push(row);
}

/** Reads the flattened table with the mapping, as `readEventLog` reads a CSV. */
export function readFlatTable(table: FlatTable, mapping: Mapping, source: string, what: string): EventLog {
  if (table.rows.length === 0) throw new CalibrationError(source, [`the ${what} has no events to read`, ...table.notes]);
  const d = mapping.delimiter;
  const cell = (v: string): string => {
    // One line per row, so that CSV line n is row n - 1; line breaks in a value become spaces.
    const t = v.replace(/\r\n|\r|\n/g, ' ');
    return t.includes(d) || t.includes('"') || /^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = [table.columns.map(cell).join(d)];
  for (const r of table.rows) {
    const line = table.columns.map((c) => cell(r.values.get(c) ?? '')).join(d);
    // A row past the CSV reader's limit would stop it there: named by its longest value instead.
    if (line.length > INPUT_LIMITS.logRowCharacters) throw new CalibrationError(source, [tooLong(r, what)]);
    lines.push(line);
  }
  const lineOf = (csvLine: number): number => table.rows[csvLine - 2]?.line ?? csvLine;
  let log: EventLog;
  try {
    log = readEventLog(`${lines.join('\n')}\n`, mapping, source);
  } catch (e) {
    if (e instanceof CalibrationError) {
      throw new CalibrationError(source, [
        ...e.problems.map((p) =>
          p
            .replace(/^line (\d+):/, (_, n: string) => `line ${lineOf(Number(n))}:`)
            .replace(/the log has no column/, `the ${what} has no attribute`)
            .replace(/the log's columns are/, `its attributes, flattened, are`),
        ),
        ...table.notes,
      ]);
    }
    throw e;
  }
  return {
    ...log,
    rows: log.rows.map((r) => ({ ...r, line: lineOf(r.line) })),
    bad: log.bad.map((b) => ({ ...b, line: lineOf(b.line) })),
  };
}

function tooLong(row: FlatRow, what: string): string {
  let key = '';
  let length = -1;
  for (const [k, v] of row.values) if (v.length > length) [key, length] = [k, v.length];
  return `line ${row.line}: the value of ${JSON.stringify(key.slice(0, 80))} is ${length.toLocaleString('en')} characters; an event of the ${what} may hold at most ${INPUT_LIMITS.logRowCharacters.toLocaleString('en')} in all`;
}
