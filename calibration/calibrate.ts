/**
 * `calibrate LOG --map MAP --out SCENARIO`: read the log with its mapping, fit,
 * build the scenario, check it against the schema, run it against the log, and
 * write the scenario and the report. Input that is wrong is refused with a
 * CalibrationError before anything is written; both files are written whole or
 * not at all.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Document } from 'yaml';
import { parseScenario, ScenarioError, type ScenarioInput } from '../scenarios/index.js';
import { buildCalibration, type Calibration } from './build/build-scenario.js';
import { CalibrationError } from './errors.js';
import { slug } from './read/flow.js';
import { prepareFlow } from './read/flow.js';
import { parseMappingText, type Mapping } from './read/mapping.js';
import { readEventLog } from './read/read-log.js';
import { renderReport } from './report/report.js';
import { validationMarkdown } from './report/validation-table.js';
import { validate, type Validation } from './validate/validate.js';
import { writeFileAtomic } from './write-atomic.js';

export interface CalibrateOptions {
  /** Where the HTML report goes (default: beside the scenario, `<name>.report.html`). */
  reportPath?: string;
  /** Replications of the validation run (default: the mapping's `model.replications`). */
  replications?: number;
  seed?: number | string;
  /** Run the calibrated scenario against the log (default true). */
  validate?: boolean;
}

export interface CalibrationResult {
  calibration: Calibration;
  validation: Validation | null;
  /** The scenario document as written. */
  scenario: ScenarioInput;
  scenarioText: string;
  report: string;
  /** The validation table in Markdown. */
  validationTable: string;
}

/** Calibrates from text already read (for tests and other hosts); writes nothing. */
export async function calibrateText(
  logText: string,
  mapping: Mapping,
  options: CalibrateOptions & { logSource: string; mapSource: string; scenarioPath: string; format?: 'yaml' | 'json' },
): Promise<CalibrationResult> {
  const log = readEventLog(logText, mapping, options.logSource);
  const flow = prepareFlow(log, mapping.model);
  if (flow.cases.length === 0) throw new CalibrationError(options.logSource, ['no case has an activity left once the mapping has dropped what it drops']);
  const name = mapping.model.name ?? (slug(basename(options.logSource).replace(/\.(csv|txt|gz)$/gi, '')) || 'calibrated');
  const calibration = buildCalibration(flow, name, mapping.notes);
  try {
    parseScenario(calibration.scenario, name);
  } catch (e) {
    // The builder writes only what the schema accepts: a refusal here is a bug in calibration, not bad input.
    if (e instanceof ScenarioError) throw new Error(`calibration built a scenario the schema refuses (please report this):\n${e.message}`);
    throw e;
  }
  const validation =
    options.validate === false
      ? null
      : await validate(calibration, {
          ...(options.replications !== undefined ? { replications: options.replications } : {}),
          ...(options.seed !== undefined ? { seed: options.seed } : {}),
        });
  const scenarioText = options.format === 'json' ? `${JSON.stringify(calibration.scenario, null, 2)}\n` : scenarioYaml(calibration, options.logSource, options.mapSource);
  const report = renderReport(calibration, validation, { logPath: options.logSource, mapPath: options.mapSource, scenarioPath: options.scenarioPath });
  return { calibration, validation, scenario: calibration.scenario, scenarioText, report, validationTable: validation ? validationMarkdown(validation) : '' };
}

/** Reads LOG and MAP, calibrates, and writes the scenario to `outPath` and the report beside it. */
export async function calibrate(logPath: string, mapPath: string, outPath: string, options: CalibrateOptions = {}): Promise<CalibrationResult & { reportPath: string }> {
  const ext = extname(outPath).toLowerCase();
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json') throw new CalibrationError(outPath, [`the scenario must be a .yaml, .yml or .json file, got "${ext || 'no extension'}"`]);
  const reportPath = options.reportPath ?? resolve(dirname(outPath), `${basename(outPath, extname(outPath))}.report.html`);
  for (const [path, what] of [
    [outPath, 'the scenario'],
    [reportPath, 'the report'],
  ] as const) {
    const here = await stat(resolve(path)).catch(() => undefined);
    if (here?.isDirectory()) throw new CalibrationError(path, [`${what} must be a file, but this is a folder`]);
    const folder = await stat(dirname(resolve(path))).catch(() => undefined);
    if (!folder?.isDirectory()) throw new CalibrationError(path, [`the folder ${dirname(resolve(path))} for ${what} does not exist`]);
  }
  const mapping = parseMappingText(await readText(mapPath, 'mapping'), mapPath);
  const logText = await readText(logPath, 'log');
  const result = await calibrateText(logText, mapping, { ...options, logSource: logPath, mapSource: mapPath, scenarioPath: outPath, format: ext === '.json' ? 'json' : 'yaml' });
  await writeFileAtomic(outPath, result.scenarioText);
  await writeFileAtomic(reportPath, result.report);
  return { ...result, reportPath };
}

async function readText(path: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CalibrationError(path, [code === 'ENOENT' ? `no such ${what} file` : code === 'EISDIR' ? `is a folder, not a ${what} file` : `the ${what} file cannot be read (${code ?? String(e)})`]);
  }
  if (path.toLowerCase().endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new CalibrationError(path, [`ends in .gz but is not a gzip file`]);
    }
  }
  const text = bytes.toString('utf8');
  if (text.includes('\u0000')) throw new CalibrationError(path, [`is not a text file (it holds NUL bytes): a ${what} must be CSV or YAML text`]);
  return text;
}

function scenarioYaml(cal: Calibration, logSource: string, mapSource: string): string {
  const doc = new Document(cal.scenario);
  doc.commentBefore = [
    ` Calibrated by \`hospital-twin calibrate\` from ${logSource} with the mapping ${mapSource}.`,
    ` ${cal.flow.cases.length} cases; routing, durations and arrival profile fitted from the log (see the report).`,
    ' Beds and pools are the most seen at once in the log plus headroom, not known capacity; costs are 0.',
  ].join('\n');
  return doc.toString({ lineWidth: 120 });
}
