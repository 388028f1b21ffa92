/**
 * Case-mix groups in a calibrated scenario (the mapping's `model.caseMix`):
 * one group per value of the attribute that some class of the scenario has,
 * named from the case table's `label` column, with the relative weight a
 * weights file gives it; a group with no weight reports its cases and cost per
 * case, and its payment and margin are not known.
 */
import { parse } from 'csv-parse/sync';
import type { ScenarioInput } from '../../scenarios/index.js';
import { CalibrationError } from '../errors.js';
import type { Mapping } from '../read/mapping.js';
import type { CaseAttribute } from '../read/case-table.js';
import type { LogCase } from '../read/flow.js';
import { naturalCompare } from './fit-class.js';

type CaseMixOptions = NonNullable<Mapping['model']['caseMix']>;

export interface GroupWeight {
  weight: number;
  outlier?: { trimDays: number; perDayWeight: number };
}

export interface DeclaredGroup {
  code: string;
  name: string;
  /** Cases of the log in the group (the scenario's mix is their shares). */
  logCases: number;
  weight?: number;
}

export interface DeclaredCaseMix {
  attribute: string;
  groups: DeclaredGroup[];
  /** The case table the attribute came from, if it did. */
  table: CaseAttribute | null;
  weightsFile?: string;
  baseRate?: number;
  /** Rows of the weights file whose code no case has. */
  unusedWeights: number;
}

/** Relative weights by code from a CSV with columns `code`, `weight`, and optionally `trimDays` and `perDayWeight`. */
export function readWeights(text: string, file: string, mapSource: string): Map<string, GroupWeight> {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_quotes: true }) as string[][];
  } catch (e) {
    throw new CalibrationError(file, [`model.caseMix.weights: cannot be read as CSV (${e instanceof Error ? e.message : String(e)})`]);
  }
  const header = (records.shift() ?? []).map((h) => h.trim());
  const missing = ['code', 'weight'].filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CalibrationError(mapSource, [
      `model.caseMix.weights: the file ${file} has no column ${missing.map((c) => `"${c}"`).join(' or ')} (it needs code and weight, and may have trimDays and perDayWeight; its columns are: ${header.map((h) => `"${h}"`).join(', ') || 'none'})`,
    ]);
  }
  const at = (c: string): number => header.indexOf(c);
  const problems: string[] = [];
  const out = new Map<string, GroupWeight>();
  const lineOf = new Map<string, number>();
  records.forEach((r, i) => {
    const line = i + 2;
    const cell = (c: string): string => (at(c) < 0 ? '' : (r[at(c)] ?? '').trim());
    const number = (c: string, positive: boolean): number | null => {
      const t = cell(c);
      const x = Number(t);
      if (t === '' || !Number.isFinite(x) || x < 0 || (positive && x === 0)) {
        problems.push(`line ${line}: ${c} "${t}" is not a number ${positive ? 'above' : 'of'} 0${positive ? '' : ' or more'}`);
        return null;
      }
      return x;
    };
    const code = cell('code');
    if (code === '') return void problems.push(`line ${line}: no code`);
    const before = lineOf.get(code);
    if (before !== undefined) return void problems.push(`line ${line}: code "${code}" is already given on line ${before}`);
    lineOf.set(code, line);
    const weight = number('weight', false);
    const hasOutlier = cell('trimDays') !== '' || cell('perDayWeight') !== '';
    const trimDays = hasOutlier ? number('trimDays', true) : null;
    const perDayWeight = hasOutlier ? number('perDayWeight', false) : null;
    if (weight === null || (hasOutlier && (trimDays === null || perDayWeight === null))) return;
    out.set(code, { weight, ...(hasOutlier ? { outlier: { trimDays: trimDays!, perDayWeight: perDayWeight! } } : {}) });
  });
  if (problems.length > 0)
    throw new CalibrationError(file, [...problems.slice(0, 20), ...(problems.length > 20 ? [`... and ${problems.length - 20} more`] : [])]);
  return out;
}

/** The scenario with its case-mix groups declared, and what was declared (for the report). */
export function declareCaseMix(
  scenario: ScenarioInput,
  cases: readonly LogCase[],
  spec: CaseMixOptions,
  table: CaseAttribute | null,
  weights: Map<string, GroupWeight> | null,
  mapSource: string,
  classBy?: string,
): { scenario: ScenarioInput; caseMix: DeclaredCaseMix } {
  const attr = spec.attribute;
  // Classes by the attribute itself (classBy: drg): each class is one group, given as a mix of one value.
  const patientClasses = scenario.patientClasses.map((c) =>
    classBy === attr && !Object.hasOwn(c.attributes ?? {}, attr)
      ? { ...c, attributes: { ...c.attributes, [attr]: { values: [c.name ?? c.id], weights: [1] } } }
      : c,
  );
  const values = new Set<string>();
  for (const c of patientClasses) {
    const mix = Object.hasOwn(c.attributes ?? {}, attr) ? c.attributes![attr] : undefined;
    for (const v of mix?.values ?? []) values.add(String(v));
  }
  if (values.size === 0) {
    throw new CalibrationError(mapSource, [
      `model.caseMix.attribute: no class of the calibrated scenario has the attribute "${attr}" (no case has a value, or it is a column with more than 50 values, which calibration takes for an id; read it from a case table to keep it)`,
    ]);
  }
  const logCases = new Map<string, number>();
  for (const c of cases) {
    const v = Object.hasOwn(c.attributes, attr) ? c.attributes[attr] : undefined;
    if (v !== undefined) logCases.set(v, (logCases.get(v) ?? 0) + 1);
  }
  const nameOf = (code: string): string =>
    table?.labels.get(code) ?? (table && code === table.spec.missing ? `no ${table.spec.value} in ${table.table}` : code);
  const groups: DeclaredGroup[] = [...values].sort(naturalCompare).map((code) => {
    const w = weights?.get(code);
    return { code, name: nameOf(code), logCases: logCases.get(code) ?? 0, ...(w ? { weight: w.weight } : {}) };
  });
  const caseMix: NonNullable<ScenarioInput['caseMix']> = {
    attribute: attr,
    ...(spec.baseRate !== undefined ? { baseRate: spec.baseRate } : {}),
    groups: groups.map((g) => {
      const w = weights?.get(g.code);
      return { code: g.code, ...(g.name !== g.code ? { name: g.name } : {}), ...(w ? { weight: w.weight, ...(w.outlier ? { outlier: w.outlier } : {}) } : {}) };
    }),
  };
  return {
    scenario: { ...scenario, patientClasses, caseMix },
    caseMix: {
      attribute: attr,
      groups,
      table,
      ...(spec.weights !== undefined ? { weightsFile: spec.weights } : {}),
      ...(spec.baseRate !== undefined ? { baseRate: spec.baseRate } : {}),
      unusedWeights: weights ? [...weights.keys()].filter((k) => !values.has(k)).length : 0,
    },
  };
}
