/**
 * `score --truth SOURCE...`: what happened, from a replication's trace
 * (`run --trace`, one JSON file) or from states (export-state, run
 * --snapshot-at, a hospital's own snapshots: files, or a folder of them), or
 * from an event log read through a calibration mapping (`--truth-map`).
 * Each file is checked before anything is scored.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CalibrationError, parseMappingText, readText, wardStaysOfLog, type LogWardStays } from '../calibration/index.js';
import { compileScenario, sizeInWords, type Scenario } from '../scenarios/index.js';
import type { TraceData } from '../sim-core/index.js';
import { truthFromStates, truthFromTrace, truthFromWardStays, type Truth } from '../workers/index.js';
import { UsageError } from './exit-codes.js';
import { loadStateFile } from './state-file.js';

/** A trace file larger than this is refused unread (about a year of a large hospital as JSON). */
const MAX_TRACE_BYTES = 450 * 1024 * 1024;

export interface TraceFile {
  scenario: string;
  start: string;
  trace: TraceData;
}

/** Whether a file is a trace written by `run --trace` (its first bytes name the layout). */
export async function isTraceFile(path: string): Promise<boolean> {
  if (extname(path).toLowerCase() !== '.json') return false;
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return false;
  const handle = await open(path, 'r');
  const buffer = Buffer.alloc(4096);
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0).finally(() => handle.close());
  const head = buffer.subarray(0, bytesRead).toString('utf8');
  return head.includes('"whatNames"') && head.includes('"whereNames"');
}

/** `option`: the option that named the file, for its problems (--truth, --arrivals-from). */
export async function readTraceFile(path: string, option = '--truth'): Promise<TraceFile> {
  const refuse = (message: string): never => {
    throw new UsageError(`${option} ${path}: ${message}`);
  };
  const info = await stat(path);
  if (info.size > MAX_TRACE_BYTES) refuse(`is ${sizeInWords(info.size)}, more than the ${sizeInWords(MAX_TRACE_BYTES)} a trace may be`);
  let doc: Record<string, unknown> = {};
  try {
    doc = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    refuse(`cannot be read as JSON: ${e instanceof Error ? e.message.split('\n')[0]! : String(e)}`);
  }
  const length = doc['length'];
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) refuse('length: must be a whole number (a trace written by run --trace)');
  const names = (key: string): string[] => {
    const v = doc[key];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) refuse(`${key}: must be a list of names`);
    return v as string[];
  };
  const whatNames = names('whatNames');
  const whereNames = names('whereNames');
  const column = (key: string, bound?: number): number[] => {
    const v = doc[key];
    if (!Array.isArray(v) || v.length !== length) refuse(`${key}: must be a list of ${length} numbers`);
    const values = v as unknown[];
    values.forEach((x, i) => {
      if (typeof x !== 'number' || (bound !== undefined && (!Number.isInteger(x) || x < 0 || x >= bound)))
        refuse(`${key}[${i}]: must be ${bound !== undefined ? `a whole number below ${bound}` : 'a number'}, got ${JSON.stringify(x)}`);
    });
    return values as number[];
  };
  const start = doc['start'];
  if (typeof start !== 'string') refuse('start: must be the scenario\'s start, "YYYY-MM-DDTHH:MM"');
  return {
    scenario: typeof doc['scenario'] === 'string' ? doc['scenario'] : '',
    start: start as string,
    trace: {
      length: length as number,
      time: Float64Array.from(column('time')),
      entity: Int32Array.from(column('entity')),
      what: Int32Array.from(column('what', whatNames.length)),
      where: Int32Array.from(column('where', whereNames.length)),
      whatNames,
      whereNames,
    },
  };
}

/** The state files among the sources (a folder gives its .json/.yaml files, sorted). */
async function stateFiles(sources: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const s of sources) {
    const info = await stat(s).catch(() => {
      throw new UsageError(`--truth ${s}: no such file or folder`);
    });
    if (info.isDirectory())
      files.push(
        ...(await readdir(s))
          .filter((f) => /\.(json|ya?ml)$/i.test(f))
          .sort()
          .map((f) => join(s, f)),
      );
    else files.push(s);
  }
  if (files.length === 0) throw new UsageError(`--truth ${sources.join(' ')}: no state files (.json, .yaml) found`);
  return files;
}

/** The truth from the sources, for the scenario (the trace's model, or the states' wards). */
export async function loadTruth(sources: readonly string[], scenario: Scenario, truthMap?: string): Promise<Truth> {
  if (truthMap !== undefined) return truthFromLog(sources, scenario, truthMap);
  if (sources.length === 1 && (await isTraceFile(sources[0]!))) {
    const t = await readTraceFile(sources[0]!);
    if (t.scenario && t.scenario !== scenario.name)
      process.stderr.write(`Warning: the trace is of scenario "${t.scenario}", scored with "${scenario.name}"'s wards and classes\n`);
    return truthFromTrace(compileScenario(scenario), t.trace, t.start);
  }
  const files = await stateFiles(sources);
  const states = [];
  for (const f of files) states.push({ state: await loadStateFile(f), source: f });
  return truthFromStates(scenario, states);
}

/**
 * The truth in an event log (CSV, XES or OCEL, as `calibrate` reads them)
 * through its mapping: each ward's census from the log's ward stays. A ward of
 * the scenario the log never names is reported, not silently scored as empty.
 */
async function truthFromLog(sources: readonly string[], scenario: Scenario, mapPath: string): Promise<Truth> {
  if (sources.length !== 1) throw new UsageError(`--truth: with --truth-map, give one event log, got ${sources.length} files`);
  const logPath = sources[0]!;
  let log: LogWardStays;
  try {
    const mapping = parseMappingText(await readText(mapPath, 'mapping'), mapPath);
    log = wardStaysOfLog(await readText(logPath, 'log'), mapping, logPath);
  } catch (e) {
    // The reader's problems, each with its file, row or field, said as score's.
    if (e instanceof CalibrationError) throw new UsageError(`${e.source}: cannot be read as the truth:\n${e.problems.map((p) => `  ${p}`).join('\n')}`);
    throw e;
  }
  const model = compileScenario(scenario);
  const truth = truthFromWardStays(
    model,
    log,
    `the event log ${logPath} (${log.stays.length} ward stays over ${+((log.until - log.from) / 1440).toFixed(1)} days)`,
  );
  const unknown = truth.series.filter((w) => !log.wards.includes(w));
  if (unknown.length === truth.series.length)
    throw new UsageError(
      `--truth ${logPath}: none of the scenario's wards (${truth.series.join(', ')}) is in the log, whose stays are in ${log.wards.join(', ')}: the forecast and the log must name wards alike`,
    );
  if (unknown.length > 0) process.stderr.write(`Warning: the log has no stay in ${unknown.join(', ')}; those wards are scored as empty\n`);
  process.stderr.write(
    'Note: a log holds only the patients it shows arriving, so ward counts in its first days miss those admitted before it begins; score forecasts made well after its start.\n',
  );
  return truth;
}
