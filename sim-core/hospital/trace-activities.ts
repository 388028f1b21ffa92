/**
 * A hospital run's trace read back as each patient's activities: the arrival,
 * each timed step with the resources held during it, and how the patient left.
 * The vocabulary is trace-words.ts's; this reads it for the CLI's event-log
 * export and for calibration's validation, which reads a simulated log as it
 * read the hospital's own. A patient in a split runs several activities at once:
 * each "finish" ends the running activity of its name.
 */
import type { TraceData } from '../trace.js';
import { EXIT_WORDS, TRACE_ATTRIBUTE_PREFIX, TRACE_PLACED, TRACE_WORDS } from './trace-words.js';

export interface TracedPatient {
  /** The patient's number by arrival (the trace's entity id). */
  serial: number;
  /** The patient class. */
  klass: string;
  /** Attribute values by attribute name (complete once the trace has been read). */
  attributes: Map<string, string>;
}

export interface PatientActivity {
  patient: TracedPatient;
  kind: 'arrive' | 'activity' | 'leaving';
  /** "arrive"; the step's activity name; or how the patient left. */
  activity: string;
  /** Minutes of simulated time. */
  start: number;
  /** Equal to start for arrivals and leaving; NaN for an activity still running when the trace ends. */
  end: number;
  /** Resources held during the activity, in the order taken (none for arrivals and leaving). */
  resources: readonly string[];
}

/** Every patient's activities in the order they started; patients who arrived before `arrivedFrom` are left out. */
export function patientActivities(trace: TraceData, options: { arrivedFrom?: number } = {}): PatientActivity[] {
  const from = options.arrivedFrom ?? -Infinity;
  const open = new Map<number, { patient: TracedPatient; held: string[]; running: PatientActivity[] }>();
  const out: PatientActivity[] = [];
  for (let i = 0; i < trace.length; i++) {
    const p = trace.entity[i]!;
    if (p < 0) continue;
    const what = trace.whatNames[trace.what[i]!]!;
    const where = trace.whereNames[trace.where[i]!]!;
    const time = trace.time[i]!;
    if (what === TRACE_WORDS.arrive || what === TRACE_PLACED) {
      if (time < from) continue;
      const patient: TracedPatient = { serial: p, klass: where, attributes: new Map() };
      open.set(p, { patient, held: [], running: [] });
      out.push({ patient, kind: 'arrive', activity: 'arrive', start: time, end: time, resources: [] });
      continue;
    }
    const state = open.get(p);
    if (!state) continue;
    if (what.startsWith(TRACE_ATTRIBUTE_PREFIX)) state.patient.attributes.set(what.slice(TRACE_ATTRIBUTE_PREFIX.length), where);
    else if (what === TRACE_WORDS.seize) state.held.push(where);
    else if (what === TRACE_WORDS.release) {
      const k = state.held.indexOf(where);
      if (k >= 0) state.held.splice(k, 1);
    } else if (what === TRACE_WORDS.start) {
      const activity: PatientActivity = { patient: state.patient, kind: 'activity', activity: where, start: time, end: NaN, resources: [...state.held] };
      state.running.push(activity);
      out.push(activity);
    } else if (what === TRACE_WORDS.finish) {
      const k = state.running.findIndex((a) => a.activity === where);
      if (k >= 0) state.running.splice(k, 1)[0]!.end = time;
    } else if (EXIT_WORDS.has(what)) {
      out.push({ patient: state.patient, kind: 'leaving', activity: what, start: time, end: time, resources: [] });
      open.delete(p);
    }
  }
  return out;
}
