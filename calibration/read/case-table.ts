/**
 * Attributes of each case read from another table of the same export (the
 * mapping's `caseTables`): MIMIC's drgcodes gives each admission its DRG. A
 * row is matched to a case by its `key` column against the log's case id,
 * after the `where` filter; a case with no row gets the `missing` value; a case
 * whose rows give different values is refused (or takes the first, if the
 * mapping says so). A column the table lacks, or a filter no row passes, is
 * refused by its path in the mapping.
 */
import { parse } from 'csv-parse/sync';
import { CalibrationError } from '../errors.js';
import { caseTableAttribute, type CaseTableSpec } from './mapping.js';
import type { EventLog } from './read-log.js';

export interface CaseAttribute {
  /** The attribute's name in the scenario. */
  name: string;
  /** The table's file as the mapping names it. */
  table: string;
  spec: CaseTableSpec;
  /** Each case's value (every case of the log: `missing` where the table has none). */
  byCase: Map<string, string>;
  /** What each value is, in words (the `label` column: its most frequent text for the value). */
  labels: Map<string, string>;
  counts: {
    /** Data rows of the table. */
    rows: number;
    /** Rows the `where` filter kept. */
    kept: number;
    /** Kept rows whose key is no case of the log (other patients of the export). */
    otherKeys: number;
    cases: number;
    /** Cases that got a value from the table. */
    withValue: number;
    /** Cases the table gives no value (they take `missing`). */
    without: number;
    /** Cases whose rows gave different values (only with `several: first`, which took the first). */
    several: number;
  };
}

/** Reads one case table (its text already read) for the cases of the log. */
export function readCaseTable(
  spec: CaseTableSpec,
  index: number,
  text: string,
  caseIds: readonly string[],
  options: { mapSource: string; delimiter: string },
): CaseAttribute {
  const at = `caseTables[${index}]`;
  let records: string[][];
  try {
    records = parse(text, { delimiter: spec.delimiter ?? options.delimiter, bom: true, skip_empty_lines: true, relax_quotes: true }) as string[][];
  } catch (e) {
    throw new CalibrationError(spec.table, [`${at}.table: cannot be read as CSV (${e instanceof Error ? e.message : String(e)})`]);
  }
  const header = (records.shift() ?? []).map((h) => h.trim());
  const wanted: [string, string | undefined][] = [
    [`${at}.key`, spec.key],
    [`${at}.value`, spec.value],
    [`${at}.label`, spec.label],
    ...Object.keys(spec.where).map((c): [string, string] => [`${at}.where.${c}`, c]),
  ];
  const missing = wanted.filter(([, c]) => c !== undefined && !header.includes(c));
  if (missing.length > 0) {
    throw new CalibrationError(options.mapSource, [
      ...missing.map(([path, c]) => `${path}: the table ${spec.table} has no column "${c!}"`),
      `its columns are: ${header.map((h) => `"${h}"`).join(', ') || 'none (the file is empty)'}`,
    ]);
  }
  const col = (c: string): number => header.indexOf(c);
  const filters = Object.entries(spec.where).map(([c, v]) => ({ at: col(c), column: c, allowed: new Set(typeof v === 'string' ? [v] : v) }));
  const keyAt = col(spec.key);
  const valueAt = col(spec.value);
  const labelAt = spec.label === undefined ? -1 : col(spec.label);
  const cell = (r: string[], i: number): string => (r[i] ?? '').trim();

  const cases = new Set(caseIds);
  const found = new Map<string, { value: string; line: number }>();
  const conflicts: string[] = [];
  const conflicted = new Set<string>();
  const labelCounts = new Map<string, Map<string, number>>();
  let kept = 0;
  let otherKeys = 0;
  records.forEach((r, i) => {
    const line = i + 2;
    if (!filters.every((f) => f.allowed.has(cell(r, f.at)))) return;
    kept++;
    const key = cell(r, keyAt);
    const value = cell(r, valueAt);
    if (!cases.has(key)) {
      otherKeys++;
      return;
    }
    if (value === '') return;
    if (labelAt >= 0 && cell(r, labelAt) !== '') {
      const texts = labelCounts.get(value) ?? labelCounts.set(value, new Map()).get(value)!;
      texts.set(cell(r, labelAt), (texts.get(cell(r, labelAt)) ?? 0) + 1);
    }
    const before = found.get(key);
    if (!before) found.set(key, { value, line });
    else if (before.value !== value) {
      if (!conflicted.has(key)) conflicts.push(`case ${key}: line ${before.line} gives "${before.value}", line ${line} gives "${value}"`);
      conflicted.add(key);
    }
  });
  if (kept === 0) {
    throw new CalibrationError(options.mapSource, [
      Object.keys(spec.where).length > 0
        ? `${at}.where: no row of ${spec.table} passes the filter (${filters.map((f) => `${f.column} ${[...f.allowed].map((v) => `"${v}"`).join(' or ')}: its values are ${valuesOf(records, f.at)}`).join('; ')})`
        : `${at}.table: ${spec.table} has no data rows`,
    ]);
  }
  if (conflicts.length > 0 && spec.several === 'refuse') {
    throw new CalibrationError(options.mapSource, [
      `${at}: ${conflicts.length} case${conflicts.length === 1 ? ' has' : 's have'} rows in ${spec.table} giving different values of ${spec.value}; narrow the rows with where (MIMIC's drgcodes gives each admission an HCFA and an APR DRG: where: { drg_type: HCFA }), or take the first row in the file with several: first`,
      ...conflicts.slice(0, 10),
      ...(conflicts.length > 10 ? [`... and ${conflicts.length - 10} more`] : []),
    ]);
  }
  if (found.size === 0) {
    throw new CalibrationError(options.mapSource, [
      `${at}.key: no row of ${spec.table} has a ${spec.key} that is a case id of the log (case ids such as ${caseIds
        .slice(0, 3)
        .map((c) => `"${c}"`)
        .join(', ')}; the table's, such as ${[...new Set(records.slice(0, 3).map((r) => `"${cell(r, keyAt)}"`))].join(', ')})`,
    ]);
  }
  const byCase = new Map<string, string>();
  for (const id of caseIds) byCase.set(id, found.get(id)?.value ?? spec.missing);
  const labels = new Map<string, string>();
  for (const [value, texts] of labelCounts) {
    // The most frequent text; on a tie, the first met in the file (Map keeps that order).
    let best = '';
    let most = 0;
    for (const [t, n] of texts) if (n > most) [best, most] = [t, n];
    labels.set(value, best);
  }
  return {
    name: caseTableAttribute(spec),
    table: spec.table,
    spec,
    byCase,
    labels,
    counts: {
      rows: records.length,
      kept,
      otherKeys,
      cases: caseIds.length,
      withValue: found.size,
      without: caseIds.length - found.size,
      several: conflicted.size,
    },
  };
}

/** The log with each case table's attribute set on every row of its cases. */
export function withCaseAttributes(log: EventLog, attributes: readonly CaseAttribute[]): EventLog {
  if (attributes.length === 0) return log;
  const rows = log.rows.map((r) => {
    const own: Record<string, string> = { ...r.attributes };
    for (const a of attributes) Object.defineProperty(own, a.name, { value: a.byCase.get(r.case)!, enumerable: true, writable: true, configurable: true });
    return { ...r, attributes: own };
  });
  return { ...log, rows, attributeNames: [...log.attributeNames, ...attributes.map((a) => a.name)], tableAttributes: attributes.map((a) => a.name) };
}

/** The distinct values of a column, a few of them, for a message. */
function valuesOf(records: string[][], at: number): string {
  const values = [...new Set(records.map((r) => (r[at] ?? '').trim()))];
  return `${values
    .slice(0, 8)
    .map((v) => `"${v}"`)
    .join(', ')}${values.length > 8 ? `, … (${values.length} in all)` : ''}`;
}
