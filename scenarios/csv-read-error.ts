import type { ScenarioIssue } from './schema/errors.js';

/**
 * What csv-parse threw, as a problem a user can act on: the file and line, and
 * what is wrong in words (never the file's own text, which may not be ours to
 * show). Shared by every CSV a scenario or a state reads.
 */
export function csvReadIssue(error: unknown, file: string): ScenarioIssue {
  const { code, lines } = error as { code?: string; lines?: number };
  const what =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quote is never closed'
      : code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
        ? 'a row has not as many cells as the header'
        : 'a quote or cell is out of place';
  return { path: lines ? `${file} line ${lines}` : file, message: `cannot be read as CSV: ${what}` };
}
