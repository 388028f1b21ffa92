import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { FileReadError, readTextFile } from '../io/index.js';
import {
  INPUT_LIMITS,
  parseScenario,
  readDataText,
  entriesCsvReader,
  ScenarioError,
  sizeInWords,
  type Scenario,
  type ScenarioIssue,
} from '../scenarios/index.js';

/** A scenario from a .json, .yaml or .yml file on disk (Node only); a class's dated arrivals file is read from beside it. */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.yaml' && ext !== '.yml') {
    throw new ScenarioError(path, [{ path: '', message: `must be a .json, .yaml or .yml file, got "${ext || 'no extension'}"` }]);
  }
  let text: string;
  try {
    const size = (await stat(path)).size;
    if (size > INPUT_LIMITS.documentBytes) {
      throw new ScenarioError(path, [
        { path: '', message: `is ${sizeInWords(size)}, more than the ${sizeInWords(INPUT_LIMITS.documentBytes)} a scenario file may be` },
      ]);
    }
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError(path, [{ path: '', message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})` }]);
  }
  const read = readDataText(text, ext === '.json' ? 'json' : 'yaml');
  if ('problem' in read) throw new ScenarioError(path, [{ path: '', message: read.problem }]);
  const files = await readDatedArrivals(read.document, path);
  try {
    return parseScenario(read.document, path);
  } catch (e) {
    if (!(e instanceof ScenarioError) || files.size === 0) throw e;
    // A problem with a row read from a file is shown by that file's line, not by its index among the entries.
    throw new ScenarioError(
      path,
      e.issues.map((issue) => {
        const m = /^patientClasses\[(\d+)\]\.arrivals\.entries\[(\d+)\](.*)$/.exec(issue.path);
        const f = m && files.get(Number(m[1]));
        const line = f && f.lines[Number(m[2])];
        return f && line !== undefined ? { path: `${f.name} line ${line}, ${m[3]!.replace(/^\.attributes\./, '')}`, message: issue.message } : issue;
      }),
    );
  }
}

/**
 * Each class with `arrivals: { type: dated, file }` (a kind that takes its
 * entries from a file, as the arrival kinds' table says) gets the file's rows as its
 * entries, before the scenario is checked; every problem of every file is
 * listed (by file, line and column) and nothing runs.
 */
async function readDatedArrivals(document: unknown, scenarioPath: string): Promise<Map<number, { name: string; lines: number[] }>> {
  const files = new Map<number, { name: string; lines: number[] }>();
  const classes = (document as { patientClasses?: unknown } | null)?.patientClasses;
  if (!Array.isArray(classes)) return files;
  const issues: ScenarioIssue[] = [];
  for (const [k, c] of classes.entries()) {
    const arrivals = (c as { arrivals?: Record<string, unknown> } | null)?.arrivals;
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
