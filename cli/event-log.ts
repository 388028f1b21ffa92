/**
 * The simulated event log, in the shape a hospital's own log is read in by
 * calibration: one CSV row per activity of a patient (a "case").
 *
 *   case      patient id, "r<replication>-p<patient number>" (unique across replications)
 *   activity  "arrive"; then each timed pathway step by its `activity` name
 *             ("triage", "CT scan", "stay:<ward>" for a ward stay); then how the
 *             patient left: "leave" (pathway completed), "left-unseen",
 *             "cancelled" or "turned-away" (a branch of a split that gives up or is
 *             turned away has no row: the patient goes on, and leaves once)
 *   start     local date-time "YYYY-MM-DDTHH:MM:SS" (scenario start + simulated minutes, to the second)
 *   end       same; equal to start for arrive and the leaving rows
 *   resource  resources the patient held during the activity, ";"-separated in
 *             the order taken (empty for arrive and leaving rows)
 *   class     the patient class
 *   then one column per patient attribute (e.g. acuity), the same value on every row of a case
 *
 * Rows are in order of start time. Only patients who arrived after the warm-up
 * are included (as in the figures). An activity still running when the run ends
 * has an empty end, as a hospital's log shows a patient still in a bed, so that
 * calibration can treat it as censored rather than lose it; a case in the
 * hospital at the end has no leaving row. The
 * waits between activities are the gaps between one row's end and the next
 * row's start. Each replication simulates the same calendar period again.
 */
import { patientActivities, type TraceData } from '../sim-core/index.js';
import { csvLine } from './csv.js';
import { localDateTime } from './local-time.js';

export interface EventLogRow {
  case: string;
  activity: string;
  /** Minutes from the scenario start. */
  start: number;
  /** Minutes from the scenario start; NaN while the activity runs. */
  end: number;
  resource: string;
  patient: { klass: string; /** Attribute values by column, '' where the patient has none. */ attributes: string[] };
}

export interface EventLogOptions {
  replication: number;
  /** Minutes of warm-up: patients who arrived before are left out. */
  warmup: number;
  /** The scenario's patient attributes, in column order. */
  attributes: readonly string[];
}

/** The activities of one replication's trace, in order of start (end NaN for those still running). */
export function eventLogRows(trace: TraceData, o: EventLogOptions): EventLogRow[] {
  const columns = new Map<number, EventLogRow['patient']>();
  return patientActivities(trace, { arrivedFrom: o.warmup }).map((a) => {
    let patient = columns.get(a.patient.serial);
    if (!patient) {
      patient = { klass: a.patient.klass, attributes: o.attributes.map((name) => a.patient.attributes.get(name) ?? '') };
      columns.set(a.patient.serial, patient);
    }
    return { case: `r${o.replication}-p${a.patient.serial}`, activity: a.activity, start: a.start, end: a.end, resource: a.resources.join(';'), patient };
  });
}

/** The header: case,activity,start,end,resource,class, then the attributes ("class" is renamed "patientClass" if an attribute took the name). */
export function eventLogHeader(attributes: readonly string[]): string[] {
  return ['case', 'activity', 'start', 'end', 'resource', attributes.includes('class') ? 'patientClass' : 'class', ...attributes];
}

export function* eventLogCsvLines(rows: Iterable<EventLogRow>, start: string): Generator<string> {
  for (const r of rows) {
    yield csvLine([
      r.case,
      r.activity,
      localDateTime(start, r.start),
      Number.isNaN(r.end) ? '' : localDateTime(start, r.end),
      r.resource,
      r.patient.klass,
      ...r.patient.attributes,
    ]);
  }
}
