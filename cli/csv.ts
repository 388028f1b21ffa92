import { csvCell } from '../scenarios/index.js';

/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes
 * doubled; lines end with \n. Text a spreadsheet would run as a formula
 * is neutralised (see scenarios/csv-cell.ts). Numbers are written in full (shortest exact
 * form); a missing or non-finite number is an empty field.
 */
export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return csvCell(value);
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
