/**
 * An event log (CSV, XES, OCEL, via a calibration mapping) as the ADT messages
 * a hospital's ADT system would have sent: a case's first stay is a
 * registration (A04) in an ED unit or an admission (A01) elsewhere, each later
 * stay a transfer (A02; A01 on leaving the ED), the end of the last a
 * discharge (A03). Each message carries PV1-3 = the log's activity (the unit),
 * which the twin's FHIR mapping turns into a ward.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parseMappingText, prepareFlow, readAnyEventLog } from '../calibration/index.js';
import { adtMessage, type AdtFields, type AdtTrigger, type FeedMessage } from '../live/index.js';

interface Step {
  at: number;
  trigger: AdtTrigger;
  location?: string;
  patientClass: string;
}

/** Minutes since 1970 to local "YYYY-MM-DDTHH:MM:SS". */
function local(minutes: number): string {
  return new Date(Math.round(minutes * 60_000)).toISOString().slice(0, 19);
}

export async function logAsAdt(logPath: string, mapPath: string): Promise<FeedMessage[]> {
  const mapping = parseMappingText(await readFile(mapPath, 'utf8'), mapPath);
  const bytes = await readFile(logPath);
  const text = (logPath.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const flow = prepareFlow(readAnyEventLog(text, mapping, logPath), mapping.model);
  const isEd = (activity: string): boolean => flow.stayWard.get(activity)?.type === 'ed';
  const all: { at: number; fields: Omit<AdtFields, 'controlId'>; order: number }[] = [];
  flow.cases.forEach((c, caseIndex) => {
    // The hospital's clock: a log with offsets is replayed at its wall-clock times, as ADT messages carry them.
    const shift = (e: { start: number; wall: number }) => e.wall - e.start;
    const events = [...c.events].sort((a, b) => a.start - b.start);
    const steps: Step[] = [];
    let inEd = false;
    let admitted = false;
    let lastEnd: number | null = null;
    for (const e of events) {
      const at = e.start + shift(e);
      const ed = isEd(e.activity);
      if (admitted && lastEnd !== null && lastEnd < at) {
        // A gap between two stays: the patient left and came back.
        steps.push({ at: lastEnd, trigger: 'A03', patientClass: 'I' });
        admitted = false;
      }
      if (!admitted) steps.push({ at, trigger: ed ? 'A04' : 'A01', location: e.activity, patientClass: ed ? 'E' : 'I' });
      else steps.push({ at, trigger: inEd && !ed ? 'A01' : 'A02', location: e.activity, patientClass: ed ? 'E' : 'I' });
      admitted = true;
      inEd = ed;
      lastEnd = e.end === null ? null : e.end + shift(e);
    }
    if (admitted && lastEnd !== null) steps.push({ at: lastEnd, trigger: 'A03', patientClass: 'I' });
    const arrival = events[0] ? events[0].start + shift(events[0]) : 0;
    steps.forEach((s, k) =>
      all.push({
        at: s.at,
        order: caseIndex * 1000 + k,
        fields: {
          trigger: s.trigger,
          eventTime: local(s.at),
          visit: c.id,
          patientClass: s.patientClass,
          ...(s.location !== undefined ? { location: s.location } : {}),
          admitTime: local(arrival),
        },
      }),
    );
  });
  all.sort((a, b) => a.at - b.at || a.order - b.order);
  // Control ids by position in the replay: the same log gives the same ids, so a second replay is all resends.
  return all.map((m, i) => {
    const controlId = `FEED${String(i + 1).padStart(7, '0')}`;
    return { controlId, atMinutes: m.at, text: adtMessage({ controlId, ...m.fields }) };
  });
}
