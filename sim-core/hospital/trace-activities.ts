/**
 * A hospital run's trace read back as each patient's activities: the arrival,
 * each timed step with the resources held during it, and how the patient left.
 * The writer of this vocabulary is hospital-replication.ts ("arrive", "attr:<name>",
 * "seize", "release", "start", "finish", then "leave", "left-unseen", "cancelled"
 * or "turned-away"); this is its one reader, for the CLI's event-log export and
 * for calibration's validation, which reads a simulated log as it read the
 * hospital's own.
 */
import type { TraceData } from '../trace.js';

const LEAVING = new Set(['leave', 'left-unseen', 'cancelled', 'turned-away']);

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
  const open = new Map<number, { patient: TracedPatient; held: string[]; running: PatientActivity | null }>();
  const out: PatientActivity[] = [];
  for (let i = 0; i < trace.length; i++) {
    const p = trace.entity[i]!;
    if (p < 0) continue;
    const what = trace.whatNames[trace.what[i]!]!;
    const where = trace.whereNames[trace.where[i]!]!;
    const time = trace.time[i]!;
    if (what === 'arrive' || what === 'placed') {
      if (time < from) continue;
      const patient: TracedPatient = { serial: p, klass: where, attributes: new Map() };
      open.set(p, { patient, held: [], running: null });
      out.push({ patient, kind: 'arrive', activity: 'arrive', start: time, end: time, resources: [] });
      continue;
    }
    const state = open.get(p);
    if (!state) continue;
    if (what.startsWith('attr:')) state.patient.attributes.set(what.slice(5), where);
    else if (what === 'seize') state.held.push(where);
    else if (what === 'release') {
      const k = state.held.indexOf(where);
      if (k >= 0) state.held.splice(k, 1);
    } else if (what === 'start') {
      state.running = { patient: state.patient, kind: 'activity', activity: where, start: time, end: NaN, resources: [...state.held] };
      out.push(state.running);
    } else if (what === 'finish') {
      if (state.running) state.running.end = time;
      state.running = null;
    } else if (LEAVING.has(what)) {
      out.push({ patient: state.patient, kind: 'leaving', activity: what, start: time, end: time, resources: [] });
      open.delete(p);
    }
  }
  return out;
}
