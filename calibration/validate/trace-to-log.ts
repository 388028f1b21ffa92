/**
 * A simulated run's trace as event-log rows, in the conventions of the CLI's
 * `export-log` (an "arrive" row, a row per timed activity with the resources
 * held during it, then "leave" or how else the patient left), so that the
 * calibrated scenario's output can be read exactly as the hospital's log was.
 * Calibration may not import the CLI, hence this small twin of cli/event-log.ts;
 * unlike the export, an activity still running at the end keeps its row with
 * no end (open), so stays cut off by the end of the run are censored, not lost.
 */
import type { TraceData } from '../../sim-core/index.js';
import type { LogRow } from '../read/read-log.js';

const LEAVING = new Set(['leave', 'left-unseen', 'cancelled', 'turned-away']);

export interface TraceLogOptions {
  /** Wall clock of simulated time 0, minutes since the epoch (the scenario's start). */
  start: number;
  /** Case ids are `<prefix>p<patient>`. */
  prefix?: string;
  /** Write each patient's class as this attribute (the log's class column), named as the log names it. */
  classAttribute?: { name: string; valueOf: (classId: string) => string };
}

export function traceToEventLog(trace: TraceData, options: TraceLogOptions): LogRow[] {
  const prefix = options.prefix ?? '';
  const rows: LogRow[] = [];
  const patients = new Map<number, { attributes: Record<string, string>; held: string[]; running: LogRow | null; rows: LogRow[] }>();
  let line = 0;
  const row = (p: number, activity: string, time: number, resource: string | null): LogRow => {
    const r: LogRow = { case: `${prefix}p${p}`, activity, start: options.start + time, end: options.start + time, wallOffset: 0, resource, attributes: {}, line: ++line };
    rows.push(r);
    return r;
  };
  for (let i = 0; i < trace.length; i++) {
    const p = trace.entity[i]!;
    if (p < 0) continue;
    const what = trace.whatNames[trace.what[i]!]!;
    const where = trace.whereNames[trace.where[i]!]!;
    const time = trace.time[i]!;
    if (what === 'arrive') {
      const attributes: Record<string, string> = {};
      if (options.classAttribute) attributes[options.classAttribute.name] = options.classAttribute.valueOf(where);
      const state = { attributes, held: [] as string[], running: null as LogRow | null, rows: [] as LogRow[] };
      patients.set(p, state);
      state.rows.push(row(p, 'arrive', time, null));
      continue;
    }
    const state = patients.get(p);
    if (!state) continue;
    if (what.startsWith('attr:')) state.attributes[what.slice(5)] = where;
    else if (what === 'seize') state.held.push(where);
    else if (what === 'release') {
      const k = state.held.indexOf(where);
      if (k >= 0) state.held.splice(k, 1);
    } else if (what === 'start') {
      state.running = row(p, where, time, state.held.length > 0 ? state.held.join(';') : null);
      state.running.end = null;
      state.rows.push(state.running);
    } else if (what === 'finish') {
      if (state.running) state.running.end = options.start + time;
      state.running = null;
    } else if (LEAVING.has(what)) {
      state.rows.push(row(p, what, time, null));
    }
  }
  for (const s of patients.values()) for (const r of s.rows) r.attributes = s.attributes;
  return rows;
}
