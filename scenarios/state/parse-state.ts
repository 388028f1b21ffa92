import { formatPath, type ScenarioIssue } from '../schema/errors.js';
import { zodIssues } from '../load.js';
import { readPatientsCsv } from './state-csv.js';
import { STATE_LIMITS, StatePatientSchema, StateSchema, localMinutes, type HospitalState, type StatePatient } from './state-schema.js';
import { StateError } from './state-error.js';
import { protoKeys, samePatientTwice } from './state-checks.js';

/**
 * A state document checked in full: its shape, then its times (nobody since
 * after `asOf`, nobody arrived after starting a step, no booking before
 * `asOf`). Patients come from the document or, when it names `patientsCsv`,
 * from `csv` (the caller reads the file: nothing here touches a disk).
 * Throws StateError with every problem by its path; nothing is run.
 */
export function parseState(document: unknown, source = 'state', csv?: { text: string; file: string }): HospitalState {
  // Lists past the limit are refused before anything walks them: a 12 MB list of three million items took 47 s to refuse.
  const tooLong = (['patients', 'booked'] as const).flatMap((name) => {
    const list = document !== null && typeof document === 'object' ? (document as Record<string, unknown>)[name] : undefined;
    const limit = name === 'patients' ? STATE_LIMITS.patients : STATE_LIMITS.booked;
    return Array.isArray(list) && list.length > limit
      ? [{ path: name, message: `holds ${list.length.toLocaleString('en')} items, more than the ${limit.toLocaleString('en')} a state may` }]
      : [];
  });
  if (tooLong.length > 0) throw new StateError(source, tooLong);
  const reserved = protoKeys(document);
  if (reserved.length > 0) throw new StateError(source, reserved);
  const result = StateSchema.safeParse(document, { reportInput: true });
  if (!result.success) throw new StateError(source, zodIssues(result.error.issues, [], StateSchema));
  const doc = result.data;
  const issues: ScenarioIssue[] = [];
  let patients: StatePatient[] = doc.patients ?? [];
  let pathOf = (k: number, field?: string): string => formatPath(['patients', k, ...(field ? [field] : [])]);
  if (doc.patients !== undefined && doc.patientsCsv !== undefined)
    issues.push({ path: 'patientsCsv', message: 'give the patients either in "patients" or in a CSV file, not both' });
  if (doc.patients === undefined && doc.patientsCsv === undefined)
    issues.push({ path: 'patients', message: 'is required (or "patientsCsv", a CSV file of them)' });
  if (doc.patientsCsv !== undefined && doc.patients === undefined) {
    if (!csv) issues.push({ path: 'patientsCsv', message: 'names a CSV file that was not read' });
    else {
      const read = readPatientsCsv(csv.text, csv.file);
      if (read.patients.length > STATE_LIMITS.patients)
        throw new StateError(source, [
          { path: csv.file, message: `has ${read.patients.length} patients, more than the ${STATE_LIMITS.patients.toLocaleString('en')} a state may hold` },
        ]);
      issues.push(...read.issues);
      pathOf = (k, field) => `${csv.file} line ${read.lines[k]}${field ? `, ${field}` : ''}`;
      patients = [];
      read.patients.forEach((row, k) => {
        const r = StatePatientSchema.safeParse(row, { reportInput: true });
        if (r.success) patients.push(r.data);
        else for (const i of zodIssues(r.error.issues)) issues.push({ path: `${pathOf(k)}${i.path ? `, ${i.path}` : ''}`, message: i.message });
      });
      if (issues.length > 0) throw new StateError(source, issues);
    }
  }
  issues.push(...samePatientTwice(patients, pathOf));
  let bookedPatients = 0;
  doc.booked.forEach((b, k) => {
    bookedPatients += b.count;
    if (bookedPatients > STATE_LIMITS.booked && bookedPatients - b.count <= STATE_LIMITS.booked)
      issues.push({
        path: formatPath(['booked', k, 'count']),
        message: `brings the patients booked past ${STATE_LIMITS.booked.toLocaleString('en')}, the most a state may book`,
      });
  });
  const asOf = localMinutes(doc.asOf);
  patients.forEach((p, k) => {
    const since = localMinutes(p.since);
    if (since > asOf) issues.push({ path: pathOf(k, 'since'), message: `must be at or before asOf (${doc.asOf}), got ${p.since}` });
    if (localMinutes(p.arrived) > since) issues.push({ path: pathOf(k, 'arrived'), message: `must be at or before since (${p.since}), got ${p.arrived}` });
  });
  doc.booked.forEach((b, k) => {
    if (localMinutes(b.at) < asOf)
      issues.push({
        path: formatPath(['booked', k, 'at']),
        message: `must be at or after asOf (${doc.asOf}): a booking in the past is a patient who came or did not, got ${b.at}`,
      });
    if (b.start !== undefined && localMinutes(b.start) < localMinutes(b.at))
      issues.push({ path: formatPath(['booked', k, 'start']), message: `must be at or after the arrival (at: ${b.at}), got ${b.start}` });
  });
  if (issues.length > 0) throw new StateError(source, issues);
  return {
    asOf: doc.asOf,
    ...(doc.scenario !== undefined ? { scenario: doc.scenario } : {}),
    booked: doc.booked,
    bookedClasses: doc.bookedClasses,
    staffOnDuty: doc.staffOnDuty,
    closedBeds: doc.closedBeds,
    outOfOrder: doc.outOfOrder,
    patients,
    patientPaths: patients.map((_, k) => pathOf(k)),
  };
}
