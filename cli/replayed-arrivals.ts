/**
 * `forecast --arrivals-from TRACE`: the patients who really came in the
 * forecast's hours, read from a trace written by `run --trace` (the same
 * scenario's run, its minute 0 the scenario's start), to be replayed in
 * place of the drawn arrivals.
 */
import { localMinutes, type ReplayedArrival } from '../scenarios/index.js';
import { arrivalsFromTrace } from '../workers/index.js';
import { UsageError } from './exit-codes.js';
import { isTraceFile, readTraceFile } from './truth-source.js';

export async function replayedArrivals(path: string, scenario: string, asOf: string, hours: number): Promise<ReplayedArrival[]> {
  if (!(await isTraceFile(path))) throw new UsageError(`--arrivals-from ${path}: must be a trace written by run --trace (a .json file)`);
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
