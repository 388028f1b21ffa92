/**
 * Dated arrivals as CSV (a class's `arrivals: { type: dated, file }`): one
 * row per patient, a header naming the columns: `at` (a local date and time,
 * "YYYY-MM-DDTHH:MM", seconds allowed) and, optionally, one column per
 * attribute the patient comes with (an empty cell: drawn as usual). Problems
 * are reported by file, line and column (`arrivals.csv line 7, at`), every
 * one, before anything runs.
 */
import { csvReadIssue } from './csv-read-error.js';
import { parse } from 'csv-parse/sync';
import type { ScenarioIssue } from './schema/errors.js';
import { localMinutes } from './state/state-schema.js';

/** The most rows one file may hold: a year of a large ED's arrivals is about 150,000. */
export const DATED_ARRIVALS_LIMIT = 1_000_000;

export interface DatedArrival {
  at: string;
  attributes?: Record<string, string | number>;
}

/** `lines[k]`: the file's line of entries[k] (for problems found when the scenario is checked). */
export function readDatedArrivalsCsv(text: string, file: string): { entries: DatedArrival[]; lines: number[]; issues: ScenarioIssue[] } {
  let rows: string[][];
  const rowLines: number[] = [];
  try {
    rows = (
      parse(text, { skip_empty_lines: true, trim: true, bom: true, info: true, to_line: DATED_ARRIVALS_LIMIT + 2 }) as unknown as {
        record: string[];
        info: { lines: number };
      }[]
    ).map((r) => {
      rowLines.push(r.info.lines);
      return r.record;
    });
  } catch (e) {
    return { entries: [], lines: [], issues: [csvReadIssue(e, file)] };
  }
  const header = rows[0];
  if (!header) return { entries: [], lines: [], issues: [{ path: file, message: 'is empty: needs a header line with a column "at"' }] };
  const issues: ScenarioIssue[] = [];
  if (!header.includes('at')) issues.push({ path: `${file} header`, message: 'needs a column "at" (the date and time of each arrival)' });
  header.forEach((h, c) => {
    if (h === '' || h === '__proto__' || header.indexOf(h) !== c)
      issues.push({ path: `${file} header`, message: `column ${c + 1} must name an attribute once (got ${JSON.stringify(h.slice(0, 40))})` });
  });
  if (rows.length - 1 > DATED_ARRIVALS_LIMIT)
    issues.push({ path: file, message: `has more than ${DATED_ARRIVALS_LIMIT.toLocaleString('en')} arrivals: split the run` });
  if (issues.length > 0) return { entries: [], lines: [], issues };
  const entries: DatedArrival[] = [];
  const lines: number[] = [];
  rows.slice(1).forEach((row, k) => {
    const line = rowLines[k + 1]!;
    const attributes: Record<string, string | number> = {};
    let at = '';
    header.forEach((h, c) => {
      const v = row[c] ?? '';
      if (h === 'at') at = v;
      else if (v !== '') attributes[h] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    });
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(at) || Number.isNaN(localMinutes(at))) {
      issues.push({
        path: `${file} line ${line}, at`,
        message: `must be a local date and time "YYYY-MM-DDTHH:MM" that exists, got ${JSON.stringify(at.slice(0, 40))}`,
      });
      return;
    }
    entries.push(Object.keys(attributes).length > 0 ? { at, attributes } : { at });
    lines.push(line);
  });
  if (issues.length === 0 && entries.length === 0) issues.push({ path: file, message: 'has a header but no arrivals' });
  return { entries, lines, issues };
}
