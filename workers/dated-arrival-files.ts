/**
 * A scenario file's dated arrivals read from the CSV files it names (Node
 * only): each class with `arrivals: { type: dated, file }` gets the file's rows
 * as its entries before the scenario is checked, the file named relative to
 * the scenario file (never outside its folder). `run` and the optimisers that
 * read a user's scenario file share this, so the same file means the same
 * patients to each.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { FileReadError, readTextFile } from '../io/index.js';
import { entriesCsvReader, INPUT_LIMITS, ScenarioError, type ScenarioIssue } from '../scenarios/index.js';

/** The files read, by class index: the file's name and each entry's line in it. */
export type DatedArrivalFiles = Map<number, { name: string; lines: number[] }>;

/**
 * Fills in each dated class's entries from its file, in place; every problem
 * of every file is listed (by file, line and column) and nothing runs.
 * @throws ScenarioError naming `scenarioPath`.
 */
export async function readDatedArrivalFiles(document: unknown, scenarioPath: string): Promise<DatedArrivalFiles> {
  const files: DatedArrivalFiles = new Map();
  const classes = (document as { patientClasses?: unknown } | null)?.patientClasses;
  if (!Array.isArray(classes)) return files;
  const issues: ScenarioIssue[] = [];
  for (const [k, c] of classes.entries()) {
    const arrivals = (c as { arrivals?: Record<string, unknown> } | null)?.arrivals;
    // A kind that takes its entries from a file says so in the arrival kinds' table.
    const readEntries = entriesCsvReader(arrivals);
    if (!readEntries || typeof arrivals?.['file'] !== 'string' || arrivals['entries'] !== undefined) continue;
    const name = arrivals['file'];
    if (isAbsolute(name) || name.split(/[\\/]/).includes('..')) {
      issues.push({
        path: `patientClasses[${k}].arrivals.file`,
        message: 'must name a file beside the scenario file or in a folder under it (no absolute path, no "..")',
      });
      continue;
    }
    let csv: string;
    try {
      csv = await readTextFile(resolve(dirname(scenarioPath), name), INPUT_LIMITS.documentBytes);
    } catch (e) {
      if (!(e instanceof FileReadError)) throw e;
      issues.push({ path: name, message: e.message });
      continue;
    }
    const parsed = readEntries(csv, name);
    issues.push(...parsed.issues);
    arrivals['entries'] = parsed.entries;
    files.set(k, { name, lines: parsed.lines });
  }
  if (issues.length > 0) throw new ScenarioError(scenarioPath, issues);
  return files;
}

/** A problem with a row read from a file, shown by that file's line rather than by its index among the entries. */
export function byFileLine(issues: readonly ScenarioIssue[], files: DatedArrivalFiles): ScenarioIssue[] {
  return issues.map((issue) => {
    const m = /^patientClasses\[(\d+)\]\.arrivals\.entries\[(\d+)\](.*)$/.exec(issue.path);
    const f = m && files.get(Number(m[1]));
    const line = f && f.lines[Number(m[2])];
    return f && line !== undefined ? { path: `${f.name} line ${line}, ${m[3]!.replace(/^\.attributes\./, '')}`, message: issue.message } : issue;
  });
}
