/**
 * A simulated run's trace as event-log rows, in the conventions of the CLI's
 * `export-log` (an "arrive" row, a row per timed activity with the resources
 * held during it, then "leave" or how else the patient left), so that the
 * calibrated scenario's output can be read exactly as the hospital's log was.
 * The trace is read by sim-core's `patientActivities`, as the export reads it;
 * an activity still running at the end keeps its row with no end (open), so
 * stays cut off by the end of the run are censored, not lost.
 */
import { patientActivities, type PatientActivity, type TraceData } from '../../sim-core/index.js';
import type { LogRow } from '../read/read-log.js';

export interface TraceLogOptions {
  /** Wall clock of simulated time 0, minutes since the epoch (the scenario's start). */
  start: number;
  /** Case ids are `<prefix>p<patient>`. */
  prefix?: string;
  /** Write each patient's class as this attribute (the log's class column), named as the log names it. */
  classAttribute?: { name: string; valueOf: (classId: string) => string };
}

export function traceToEventLog(trace: TraceData, options: TraceLogOptions): LogRow[] {
  return activitiesToEventLog(patientActivities(trace), options);
}

/** The rows of a trace's patient activities, row k of activity k (so a reader can still tell arrivals and exits by their kind). */
export function activitiesToEventLog(activities: readonly PatientActivity[], options: TraceLogOptions): LogRow[] {
  const prefix = options.prefix ?? '';
  const attributesOf = new Map<number, Record<string, string>>();
  return activities.map((a, k) => {
    let attributes = attributesOf.get(a.patient.serial);
    if (!attributes) {
      attributes = {};
      if (options.classAttribute) attributes[options.classAttribute.name] = options.classAttribute.valueOf(a.patient.klass);
      for (const [name, value] of a.patient.attributes) attributes[name] = value;
      attributesOf.set(a.patient.serial, attributes);
    }
    return {
      case: `${prefix}p${a.patient.serial}`,
      activity: a.activity,
      start: options.start + a.start,
      end: Number.isNaN(a.end) ? null : options.start + a.end,
      wallOffset: 0,
      resource: a.kind === 'activity' && a.resources.length > 0 ? a.resources.join(';') : null,
      attributes,
      line: k + 1,
    };
  });
}
