/**
 * `calibrate LOG --map MAP --out SCENARIO`: read the log with its mapping, fit,
 * build the scenario, check it against the schema, run it against the log, and
 * write the scenario and the report. Input that is wrong is refused with a
 * CalibrationError before anything is written; both files are written whole or
 * not at all.
 */
export { calibrateText, type CalibrateOptions, type CalibrationResult } from './calibrate-text.js';
import { readFile, stat } from 'node:fs/promises';
import { INPUT_LIMITS, sizeInWords } from '../scenarios/index.js';
import { basename, dirname, extname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { calibrateText, type CalibrateOptions, type CalibrationResult } from './calibrate-text.js';
import { CalibrationError } from './errors.js';
import { parseMappingText, type Mapping } from './read/mapping.js';
import { outputProblems, writeFileAtomic } from '../io/index.js';

/** Reads LOG and MAP, calibrates, and writes the scenario to `outPath` and the report beside it. */
export async function calibrate(
  logPath: string,
  mapPath: string,
  outPath: string,
  options: CalibrateOptions = {},
): Promise<CalibrationResult & { reportPath: string }> {
  const ext = extname(outPath).toLowerCase();
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json')
    throw new CalibrationError(outPath, [`the scenario must be a .yaml, .yml or .json file, got "${ext || 'no extension'}"`]);
  const reportPath = options.reportPath ?? resolve(dirname(outPath), `${basename(outPath, extname(outPath))}.report.html`);
  const problems = await outputProblems(
    [
      { path: logPath, what: 'the log' },
      { path: mapPath, what: 'the mapping' },
    ],
    [
      { path: outPath, what: '--out' },
      { path: reportPath, what: '--report' },
    ],
  );
  if (problems.length > 0) throw new CalibrationError(outPath, problems);
  const mapping = parseMappingText(await readText(mapPath, 'mapping'), mapPath);
  const logText = await readText(logPath, 'log');
  const files = await mappedFiles(mapping, logPath, mapPath);
  const result = await calibrateText(logText, mapping, {
    ...options,
    files,
    logSource: logPath,
    mapSource: mapPath,
    scenarioPath: outPath,
    format: ext === '.json' ? 'json' : 'yaml',
  });
  await writeFileAtomic(outPath, result.scenarioText);
  await writeFileAtomic(reportPath, result.report);
  return { ...result, reportPath };
}

/**
 * The files the mapping names besides the log (case tables, a weights file), read from the log's folder when
 * relative; one that cannot be read is refused by its path in the mapping.
 */
async function mappedFiles(mapping: Mapping, logPath: string, mapPath: string): Promise<Map<string, string>> {
  const wanted: [string, string, string][] = mapping.caseTables.map((t, i) => [`caseTables[${i}].table`, t.table, 'case table']);
  const weights = mapping.model.caseMix?.weights;
  if (weights !== undefined) wanted.push(['model.caseMix.weights', weights, 'weights']);
  const files = new Map<string, string>();
  const problems: string[] = [];
  for (const [path, name, what] of wanted) {
    if (files.has(name)) continue;
    const file = resolve(dirname(logPath), name);
    try {
      files.set(name, await readText(file, what, INPUT_LIMITS.logBytes));
    } catch (e) {
      if (!(e instanceof CalibrationError)) throw e;
      problems.push(...e.problems.map((p) => `${path}: ${file}: ${p}`));
    }
  }
  if (problems.length > 0) throw new CalibrationError(mapPath, problems);
  return files;
}

/**
 * The text of the log or the mapping, refused past `maxBytes` as read and, for
 * .gz, as decompressed (a small gzip may expand a thousandfold).
 */
export async function readText(
  path: string,
  what: string,
  maxBytes: number = what === 'log' ? INPUT_LIMITS.logBytes : INPUT_LIMITS.documentBytes,
): Promise<string> {
  let bytes: Buffer;
  const limit = `more than the ${sizeInWords(maxBytes)} a ${what} file may be`;
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) throw new CalibrationError(path, [`is ${sizeInWords(size)}, ${limit}`]);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof CalibrationError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CalibrationError(path, [
      code === 'ENOENT'
        ? `no such ${what} file`
        : code === 'EISDIR'
          ? `is a folder, not a ${what} file`
          : `the ${what} file cannot be read (${code ?? String(e)})`,
    ]);
  }
  if (path.toLowerCase().endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new CalibrationError(path, [`decompresses to ${limit}`]);
      throw new CalibrationError(path, [`ends in .gz but is not a gzip file`]);
    }
  }
  const text = bytes.toString('utf8');
  if (text.includes('\u0000')) throw new CalibrationError(path, [`is not a text file (it holds NUL bytes): a ${what} must be CSV or YAML text`]);
  return text;
}
