/**
 * Patients as CSV, one row per patient, for a state whose JSON names a
 * `patientsCsv` file. Columns (header names, any order; only class, step,
 * since and arrived are required):
 *
 *   id, class, step, occurrence, waiting (yes/no), ward, bed,
 *   holding (resource ids separated by "+"), since, arrived,
 *   attr.<name> (one column per attribute; empty: drawn as on arrival),
 *   alsoIn (a patient's other running branches of a split, as JSON: see state-schema.ts),
 *   pathway (when not the class's: where a transfer sent the patient on),
 *   to (a patient on a trip between sites: the site it is going to)
 *
 * Problems are reported by line and column name: `patients.csv line 7, since`.
 */
import { csvCell } from '../csv-cell.js';
import { csvReadIssue } from '../csv-read-error.js';
import { parse } from 'csv-parse/sync';
import type { ScenarioIssue } from '../schema/errors.js';

const KNOWN = new Set(['id', 'class', 'step', 'occurrence', 'waiting', 'ward', 'bed', 'holding', 'since', 'arrived', 'alsoIn', 'pathway', 'to']);
const REQUIRED = ['class', 'step', 'since', 'arrived'];

/**
 * The rows as patient objects for the schema to check, and the problems of the
 * file's form. The file's own words are never echoed while its header is not a
 * patients header: a state file may come from someone else and name a file
 * that is not a CSV of patients, whose first line must not be shown back.
 */
export function readPatientsCsv(text: string, file: string): { patients: unknown[]; lines: number[]; issues: ScenarioIssue[] } {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: false, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (e) {
    return { patients: [], lines: [], issues: [csvReadIssue(e, file)] };
  }
  const header = rows[0];
  if (!header) return { patients: [], lines: [], issues: [{ path: file, message: 'is empty: needs a header line' }] };
  const issues: ScenarioIssue[] = [];
  header.forEach((h, c) => {
    if (h === 'attr.__proto__') issues.push({ path: `${file} header`, message: `column ${c + 1} names an attribute no scenario can have (__proto__)` });
    else if (!KNOWN.has(h) && !h.startsWith('attr.'))
      issues.push({ path: `${file} header`, message: `column ${c + 1} is not a known column (${[...KNOWN].join(', ')}, attr.<name>)` });
  });
  for (const r of REQUIRED) if (!header.includes(r)) issues.push({ path: `${file} header`, message: `column "${r}" is required` });
  if (issues.length > 0) return { patients: [], lines: [], issues };
  const patients: unknown[] = [];
  const lines: number[] = [];
  rows.slice(1).forEach((row, k) => {
    const line = k + 2;
    const p: Record<string, unknown> = {};
    const attributes: Record<string, string | number> = {};
    header.forEach((h, c) => {
      const v = row[c] ?? '';
      if (v === '') return;
      if (h.startsWith('attr.')) attributes[h.slice(5)] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
      else if (h === 'occurrence') p[h] = /^\d+$/.test(v) ? Number(v) : v;
      else if (h === 'waiting') p[h] = /^(yes|true|1)$/i.test(v) ? true : /^(no|false|0)$/i.test(v) ? false : v;
      else if (h === 'holding')
        p[h] = v
          .split('+')
          .map((x) => x.trim())
          .filter((x) => x !== '');
      else if (h === 'alsoIn') p[h] = parseJson(v);
      else if (KNOWN.has(h)) p[h] = v;
    });
    if (Object.keys(attributes).length > 0) p['attributes'] = attributes;
    patients.push(p);
    lines.push(line);
  });
  return { patients, lines, issues };
}

/** Writes patients as that CSV (the snapshot writer's form), header first. */
export function writePatientsCsv(patients: readonly { [k: string]: unknown }[]): string {
  const attrNames = [...new Set(patients.flatMap((p) => Object.keys((p['attributes'] as object | undefined) ?? {})))].sort();
  // The alsoIn column only when a patient is in several branches at once (a state without splits reads as before).
  const own = [
    'id',
    'class',
    'step',
    'occurrence',
    'waiting',
    'ward',
    'bed',
    'holding',
    'since',
    'arrived',
    ...(patients.some((p) => p['alsoIn'] !== undefined) ? ['alsoIn'] : []),
    // Likewise pathway: only in a network's state with patients already transferred.
    ...(patients.some((p) => p['pathway'] !== undefined) ? ['pathway'] : []),
    // And to: only with patients on a trip between sites.
    ...(patients.some((p) => p['to'] !== undefined) ? ['to'] : []),
  ];
  const header = [...own, ...attrNames.map((a) => `attr.${a}`)];
  const cell = (v: unknown): string => {
    if (v === undefined || v === null) return '';
    const s =
      typeof v === 'object' && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))
        ? JSON.stringify(v)
        : Array.isArray(v)
          ? v.join('+')
          : typeof v === 'boolean'
            ? v
              ? 'yes'
              : 'no'
            : String(v);
    return csvCell(s);
  };
  const lines = patients.map((p) => {
    const attrs = (p['attributes'] as Record<string, unknown> | undefined) ?? {};
    return [...own.map((h) => cell(p[h])), ...attrNames.map((a) => cell(attrs[a]))].join(',');
  });
  return [header.join(','), ...lines].join('\n') + '\n';
}

/** A cell's JSON, or the text itself when it is not JSON (the schema then says what is wrong with it). */
function parseJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
