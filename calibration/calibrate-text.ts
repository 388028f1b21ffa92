/**
 * Calibration from text already in memory: read the log with its mapping, fit,
 * build the scenario, check it against the schema, and run it against the log.
 * No file system here, so the same code runs in the CLI and in a browser's
 * Web Worker (workers/browser/calibrate-worker.ts).
 */
import { Document, isMap, visit } from 'yaml';
import { parseScenario, ScenarioError, type ScenarioInput } from '../scenarios/index.js';
import { buildCalibration, type Calibration } from './build/build-scenario.js';
import { TIMING_ATTRIBUTE } from './build/case-bootstrap.js';
import { scaleArrivals, splitFlow } from './build/holdout.js';
import { CalibrationError } from './errors.js';
import { prepareFlow, slug } from './read/flow.js';
import type { Mapping } from './read/mapping.js';
import { readAnyEventLog } from './read/log-format.js';
import { readCaseTable, withCaseAttributes, type CaseAttribute } from './read/case-table.js';
import { caseTableAttribute } from './read/mapping.js';
import type { EventLog } from './read/read-log.js';
import { declareCaseMix, readWeights } from './build/case-mix.js';
import { renderReport } from './report/report.js';
import { validationMarkdown } from './report/validation-table.js';
import { validate, type Validation } from './validate/validate.js';

/** The last part of a path, whichever separator it uses (a browser has no node:path). */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export interface CalibrateOptions {
  /** Where the HTML report goes (default: beside the scenario, `<name>.report.html`). */
  reportPath?: string;
  /** Replications of the validation run (default: the mapping's `model.replications`). */
  replications?: number;
  seed?: number | string;
  /** Run the calibrated scenario against the log (default true). */
  validate?: boolean;
  /** Hears each finished validation replication (the fitting before it is quick and not counted). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Share of cases (of patients, when the mapping names them) held out: the scenario is fitted on the rest
   * and validated on both, so a user sees whether it predicts cases it did not see. The written scenario's
   * arrivals are scaled back up to the whole log's rate.
   */
  holdout?: number;
  /**
   * The text of each file the mapping names besides the log (its caseTables and model.caseMix.weights), by the
   * name the mapping gives; `calibrate` reads them from the log's folder.
   */
  files?: ReadonlyMap<string, string>;
}

export interface HoldoutResult {
  share: number;
  byPatient: boolean;
  fitCases: number;
  testCases: number;
  /** The scenario (arrivals at the held-out cases' rate) against the held-out cases. */
  validation: Validation;
  table: string;
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
  /** With `holdout`: the validation on the cases left out of the fit (`validation` is then on the cases fitted). */
  holdout: HoldoutResult | null;
}

/** Calibrates from text already read (for tests and other hosts); writes nothing. */
/** The schema's cap on horizonDays. */
const MAX_HORIZON_DAYS = 3660;

export async function calibrateText(
  logText: string,
  mapping: Mapping,
  options: CalibrateOptions & { logSource: string; mapSource: string; scenarioPath: string; format?: 'yaml' | 'json' },
): Promise<CalibrationResult> {
  const read = readAnyEventLog(logText, mapping, options.logSource);
  const caseAttributes = readCaseTables(read, mapping, options);
  const log = withCaseAttributes(read, caseAttributes);
  const flow = prepareFlow(log, mapping.model);
  if (flow.cases.length === 0) throw new CalibrationError(options.logSource, ['no case has an activity left once the mapping has dropped what it drops']);
  checkRemembered(mapping, flow.activities, options.mapSource);
  const name = mapping.model.name ?? (slug(baseName(options.logSource).replace(/\.(csv|txt|gz|xes|jsonocel|xmlocel|json|xml)$/gi, '')) || 'calibrated');
  if (!mapping.model.datesShifted && flow.window.days > MAX_HORIZON_DAYS) {
    throw new CalibrationError(options.logSource, [
      `its cases arrive over ${flow.window.days} days, more than the ${MAX_HORIZON_DAYS} days (ten years) a scenario may run: calibrate from a part of the log`,
    ]);
  }
  if (mapping.model.patientBy !== undefined && !log.attributeNames.includes(mapping.model.patientBy)) {
    throw new CalibrationError(options.mapSource, [
      `model.patientBy: "${mapping.model.patientBy}" is not an attribute of the mapping (its attributes: ${log.attributeNames.join(', ') || 'none'})`,
    ]);
  }
  const seed = options.seed ?? mapping.model.seed;
  const split = options.holdout !== undefined ? splitFlow(flow, options.holdout, seed) : null;
  if (split && (split.fit.cases.length === 0 || split.test.cases.length === 0)) {
    throw new CalibrationError(options.logSource, [
      `--holdout ${options.holdout}: the split leaves ${split.fit.cases.length} cases to fit and ${split.test.cases.length} to test; both need some`,
    ]);
  }
  const fitted = withCaseMix(buildCalibration(split ? split.fit : flow, name, mapping.notes), mapping, caseAttributes, options);
  // Fitted on part of the log: the scenario written runs at the whole log's rate (dates shifted: the mapping's rate already).
  const shifted = mapping.model.datesShifted !== undefined;
  const calibration = split && !shifted ? { ...fitted, scenario: scaleArrivals(fitted.scenario, flow.cases.length / split.fit.cases.length) } : fitted;
  try {
    parseScenario(calibration.scenario, name);
  } catch (e) {
    // What the log holds can make a scenario that cannot run (every event of a case at one instant makes a
    // pathway in which no time passes): that is the log's doing, refused as bad input with the scenario's problems.
    if (e instanceof ScenarioError) {
      throw new CalibrationError(options.logSource, [
        'the scenario fitted to this log cannot run (do its events all happen at the same instant, or repeat?):',
        ...e.issues.slice(0, 10).map((i) => `${i.path}: ${i.message}`),
      ]);
    }
    throw e;
  }
  const runs = (split ? 2 : 1) * (options.replications ?? mapping.model.replications);
  const validateOptions = (offset: number): Parameters<typeof validate>[1] => ({
    ...(options.replications !== undefined ? { replications: options.replications } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.onProgress ? { onProgress: (done: number) => options.onProgress!(offset + done, runs) } : {}),
  });
  const validation = options.validate === false ? null : await validate(fitted, validateOptions(0));
  let holdout: HoldoutResult | null = null;
  if (split && options.validate !== false) {
    const scenario = shifted ? fitted.scenario : scaleArrivals(fitted.scenario, split.test.cases.length / split.fit.cases.length);
    const v = await validate({ ...fitted, flow: split.test, scenario }, validateOptions(runs / 2));
    holdout = {
      share: options.holdout!,
      byPatient: split.byPatient,
      fitCases: split.fit.cases.length,
      testCases: split.test.cases.length,
      validation: v,
      table: validationMarkdown(v),
    };
  }
  const scenarioText =
    options.format === 'json' ? `${JSON.stringify(calibration.scenario, null, 2)}\n` : scenarioYaml(calibration, options.logSource, options.mapSource);
  const report = renderReport(calibration, validation, { logPath: options.logSource, mapPath: options.mapSource, scenarioPath: options.scenarioPath, holdout });
  return {
    calibration,
    validation,
    scenario: calibration.scenario,
    scenarioText,
    report,
    validationTable: validation ? validationMarkdown(validation) : '',
    holdout,
  };
}

/** Each case table's attribute for the log's cases; a table the host did not give, or a name taken, is refused by path. */
function readCaseTables(log: EventLog, mapping: Mapping, options: CalibrateOptions & { mapSource: string }): CaseAttribute[] {
  const ids = [...new Set(log.rows.map((r) => r.case))];
  return mapping.caseTables.map((t, i) => {
    if (log.attributeNames.includes(caseTableAttribute(t)))
      throw new CalibrationError(options.mapSource, [`caseTables[${i}]: "${caseTableAttribute(t)}" is already an attribute read from the log's columns`]);
    return readCaseTable(t, i, fileText(options, t.table, `caseTables[${i}].table`), ids, { mapSource: options.mapSource, delimiter: mapping.delimiter });
  });
}

/** The calibration with the mapping's case-mix groups declared in its scenario (and its case attributes kept for the report). */
function withCaseMix(cal: Calibration, mapping: Mapping, caseAttributes: CaseAttribute[], options: CalibrateOptions & { mapSource: string }): Calibration {
  const spec = mapping.model.caseMix;
  const withAttributes = caseAttributes.length > 0 ? { ...cal, caseAttributes } : cal;
  if (!spec) return withAttributes;
  const weights = spec.weights === undefined ? null : readWeights(fileText(options, spec.weights, 'model.caseMix.weights'), spec.weights, options.mapSource);
  const table = caseAttributes.find((a) => a.name === spec.attribute) ?? null;
  const { scenario, caseMix } = declareCaseMix(cal.scenario, cal.flow.cases, spec, table, weights, options.mapSource, mapping.model.classBy);
  const n = caseMix.groups.reduce((s, g) => s + g.logCases, 0);
  const note = `${caseMix.groups.length} case-mix groups by ${spec.attribute} rest on ${n} cases of the log (${caseMix.groups.filter((g) => g.logCases <= 1).length} groups on a single case): ${mapping.model.classBy === spec.attribute ? 'each group is a class of its own, replaying its few cases' : scenario.patientClasses.some((c) => Object.hasOwn(c.attributes ?? {}, spec.attribute) && c.attributes![spec.attribute]!.byAttribute !== undefined) ? "a simulated patient's group is that of the logged case whose times it takes, but its path is the class's routing, so cost per group stays near the class's" : "a run's cost per group is the model's, drawn from these shares, and a simulated patient's group does not steer its path"} (see "Case attributes from other tables" below).${weights ? '' : ' No relative weights were given: payment and margin are not known.'}`;
  return { ...withAttributes, scenario, caseMix, notes: [...cal.notes, note] };
}

function fileText(options: CalibrateOptions & { mapSource: string }, name: string, path: string): string {
  const text = options.files?.get(name);
  if (text === undefined)
    throw new CalibrationError(options.mapSource, [
      `${path}: ${name} was not given (here only the log and the mapping are read: calibrate with the command line, which reads it from the log's folder)`,
    ]);
  return text;
}

/** Routing memory names activities of the log: a misspelt one would silently remember nothing. */
function checkRemembered(mapping: Mapping, activities: readonly string[], mapSource: string): void {
  const known = new Set(activities);
  const shown = activities.length > 20 ? `${activities.slice(0, 20).join(', ')}, … (${activities.length} in all)` : activities.join(', ');
  const problems = mapping.model.remember.flatMap((a, i) =>
    known.has(a) ? [] : [`model.remember[${i}]: "${a}" is not an activity of the log once the mapping has dropped what it drops (its activities: ${shown})`],
  );
  if (problems.length > 0) throw new CalibrationError(mapSource, problems);
}

function scenarioYaml(cal: Calibration, logSource: string, mapSource: string): string {
  const doc = new Document(cal.scenario);
  // A case's own times, one line each: thousands of them would otherwise take four lines apiece.
  visit(doc, {
    Map(_, node) {
      if (node.get('byAttribute') !== TIMING_ATTRIBUTE) return;
      const cases = node.get('cases', true);
      if (isMap(cases)) for (const item of cases.items) if (isMap(item.value)) item.value.flow = true;
    },
  });
  doc.commentBefore = [
    ` Calibrated by \`hospital-twin calibrate\` from ${logSource} with the mapping ${mapSource}.`,
    ` ${cal.flow.cases.length} cases; routing, durations and arrival profile fitted from the log (see the report).`,
    ' Beds and pools are the most seen at once in the log plus headroom, not known capacity; costs are 0.',
  ].join('\n');
  return doc.toString({ lineWidth: 120 });
}
