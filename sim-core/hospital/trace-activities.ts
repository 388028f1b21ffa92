/**
 * A hospital run's trace read back as each patient's activities: the arrival,
 * each timed step with the resources held during it, and how the patient left.
 * Read through trace-reader.ts, in the vocabulary of trace-words.ts, for the CLI's event-log
 * export and for calibration's validation, which reads a simulated log as it
 * read the hospital's own. A patient in a split runs several activities at once:
 * each "finish" ends the running activity of its name.
 */
import type { TraceData } from '../trace.js';
import { readTrace } from './trace-reader.js';
import { TRACE_WORDS } from './trace-words.js';

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
  readTrace(trace, (e) => {
    const time = e.time;
    if (e.kind === 'arrived') {
      if (time < from) return;
      const patient: TracedPatient = { serial: e.patient, klass: e.klass, attributes: new Map() };
      open.set(e.patient, { patient, held: [], running: [] });
      out.push({ patient, kind: 'arrive', activity: TRACE_WORDS.arrive, start: time, end: time, resources: [] });
      return;
    }
    const state = open.get(e.patient);
    if (!state) return;
    if (e.kind === 'attribute') state.patient.attributes.set(e.name, e.value);
    else if (e.kind === 'seized') state.held.push(e.resource);
    else if (e.kind === 'released') {
      const k = state.held.indexOf(e.resource);
      if (k >= 0) state.held.splice(k, 1);
    } else if (e.kind === 'started') {
      const activity: PatientActivity = { patient: state.patient, kind: 'activity', activity: e.activity, start: time, end: NaN, resources: [...state.held] };
      state.running.push(activity);
      out.push(activity);
    } else if (e.kind === 'finished') {
      const k = state.running.findIndex((a) => a.activity === e.activity);
      if (k >= 0) state.running.splice(k, 1)[0]!.end = time;
    } else if (e.kind === 'left') {
      // Only the patient's exit is a leaving row: a branch of its split that ended (branchEnded) is not, the patient goes on.
      out.push({ patient: state.patient, kind: 'leaving', activity: TRACE_WORDS[e.exit], start: time, end: time, resources: [] });
      open.delete(e.patient);
    }
  });
  return out;
}
