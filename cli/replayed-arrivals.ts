/**
 * `forecast --arrivals-from TRACE`: the patients who really came in the
 * forecast's hours, read from a trace written by `run --trace` (the same
 * scenario's run, its minute 0 the scenario's start), to be replayed in
 * place of the drawn arrivals; or, with `--arrivals-map MAP`, from an event
 * log read through that calibration mapping (as `score --truth-map` reads it).
 */
import { arrivalsOfLog, CalibrationError, parseMappingText, readText, type LogArrivals } from '../calibration/index.js';
import { localMinutes, type ReplayedArrival } from '../scenarios/index.js';
import { arrivalsFromTrace } from '../workers/index.js';
import { UsageError } from './exit-codes.js';
import { isTraceFile, readTraceFile } from './truth-source.js';

export async function replayedArrivals(path: string, scenario: string, asOf: string, hours: number, map?: string): Promise<ReplayedArrival[]> {
  if (map !== undefined) return replayedFromLog(path, map, asOf, hours);
  if (!(await isTraceFile(path)))
    throw new UsageError(`--arrivals-from ${path}: must be a trace written by run --trace (a .json file), or an event log with --arrivals-map`);
  const t = await readTraceFile(path, '--arrivals-from');
  if (t.scenario && t.scenario !== scenario)
    process.stderr.write(`Warning: --arrivals-from is a trace of scenario "${t.scenario}", replayed into "${scenario}"\n`);
  const start = localMinutes(t.start);
  if (Number.isNaN(start))
    throw new UsageError(`--arrivals-from ${path}: start: must be a local date and time "YYYY-MM-DDTHH:MM", got ${JSON.stringify(t.start)}`);
  const from = localMinutes(asOf.slice(0, 16));
  const end = start + (t.trace.length > 0 ? t.trace.time[t.trace.length - 1]! : 0);
  if (end < from) throw new UsageError(`--arrivals-from ${path}: the trace ends before the state's moment (${asOf}): it holds none of the forecast's arrivals`);
  if (end < from + hours * 60)
    process.stderr.write(
      `Warning: --arrivals-from ends ${((from + hours * 60 - end) / 60).toFixed(1)} hours before the forecast's last hour: no arrivals are replayed after it\n`,
    );
  return arrivalsFromTrace(t.trace, start, from, from + hours * 60);
}

/** The log's cases that arrived after the state's moment and within the forecast's hours, each with its class and attributes. */
async function replayedFromLog(path: string, mapPath: string, asOf: string, hours: number): Promise<ReplayedArrival[]> {
  let log: LogArrivals;
  try {
    const mapping = parseMappingText(await readText(mapPath, 'mapping'), mapPath);
    if (mapping.model.classBy === undefined)
      throw new UsageError(`--arrivals-map ${mapPath}: model.classBy: must name the log's column of patient classes, so each arrival has its class`);
    log = arrivalsOfLog(await readText(path, 'log'), mapping, path);
  } catch (e) {
    if (e instanceof CalibrationError) throw new UsageError(`${e.source}: cannot be read for --arrivals-from:\n${e.problems.map((p) => `  ${p}`).join('\n')}`);
    throw e;
  }
  const from = localMinutes(asOf.slice(0, 16));
  if (log.until < from)
    throw new UsageError(`--arrivals-from ${path}: the log ends before the state's moment (${asOf}): it holds none of the forecast's arrivals`);
  if (log.until < from + hours * 60)
    process.stderr.write(
      `Warning: --arrivals-from ends ${((from + hours * 60 - log.until) / 60).toFixed(1)} hours before the forecast's last hour: no arrivals are replayed after it\n`,
    );
  return log.arrivals.filter((a) => a.at > from && a.at <= from + hours * 60);
}
