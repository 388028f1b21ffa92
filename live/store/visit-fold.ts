/**
 * The fold of the journal into FHIR R4 resources: each visit is an Encounter
 * (its locations with their periods), each pre-admission an Appointment. ADT
 * events change them as an interface engine's ADT-to-FHIR mapping would; a
 * FHIR Bundle replaces the resources it carries. The hospital state is then
 * read from these resources by `stateFromFhir` with the mapping file, the very
 * code `forecast --fhir-map` runs: one state model, not two.
 */
import type { AdtEvent } from '../hl7/adt-event.js';

export interface FoldLocation {
  location: { reference?: string; display?: string };
  status?: string;
  period?: { start?: string; end?: string };
}

export interface FoldEncounter {
  resourceType: 'Encounter';
  id: string;
  status: string;
  class: { system?: string; code: string };
  type?: { coding: { system?: string; code: string }[] }[];
  period?: { start?: string; end?: string };
  location?: FoldLocation[];
  [other: string]: unknown;
}

export interface FoldAppointment {
  resourceType: 'Appointment';
  id: string;
  status: string;
  start?: string;
  [other: string]: unknown;
}

/** HL7 table 0004 (patient class): what PV1-2 codes are. */
export const PATIENT_CLASS_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0004';
/** HL7 table 0069 (hospital service): what PV1-10 codes are. */
export const SERVICE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0069';

export class VisitFold {
  readonly encounters = new Map<string, FoldEncounter>();
  readonly appointments = new Map<string, FoldAppointment>();

  /** Applies one ADT event (in event-time order). */
  applyAdt(a: AdtEvent): void {
    const enc = this.encounters.get(a.visit);
    switch (a.trigger) {
      case 'A01':
      case 'A04':
        this.appointments.delete(a.visit);
        if (!enc || enc.status !== 'in-progress') this.encounters.set(a.visit, newEncounter(a));
        // PV1-2 turns E to I on admission from the ED: the model's class is how the patient came, so it stays.
        else moveTo(enc, a.location!, a.eventTime);
        return;
      case 'A02':
        // A transfer of a visit never admitted here (the admission was missed): the visit starts now.
        if (!enc || enc.status !== 'in-progress') this.encounters.set(a.visit, newEncounter(a));
        else moveTo(enc, a.location!, a.eventTime);
        return;
      case 'A03':
        if (!enc || enc.status !== 'in-progress') return;
        for (const l of activeLocations(enc)) close(l, a.eventTime);
        enc.status = 'finished';
        enc.period = { ...enc.period, end: a.eventTime };
        return;
      case 'A05':
        this.appointments.set(a.visit, {
          resourceType: 'Appointment',
          id: a.visit,
          status: 'booked',
          start: a.expectedAt ?? a.eventTime,
          serviceType: [{ coding: [{ system: SERVICE_SYSTEM, code: a.service ?? a.patientClass ?? 'P' }] }],
        });
        return;
      case 'A08':
        if (enc) {
          update(enc, a);
          const here = activeLocations(enc).at(-1);
          // A corrected location: the patient was there all along, since the same moment.
          if (here && a.location && here.location.reference !== ref(a.location)) here.location = { reference: ref(a.location) };
        } else if (this.appointments.has(a.visit) && a.expectedAt) this.appointments.get(a.visit)!.start = a.expectedAt;
        return;
      case 'A11':
        if (enc?.status === 'in-progress') this.encounters.delete(a.visit);
        return;
      case 'A12': {
        if (enc?.status !== 'in-progress' || !enc.location || enc.location.length < 2) return;
        enc.location.pop();
        const back = enc.location.at(-1)!;
        back.status = 'active';
        if (back.period) delete back.period.end;
        return;
      }
      case 'A13': {
        if (enc?.status !== 'finished') return;
        enc.status = 'in-progress';
        if (enc.period) delete enc.period.end;
        const last = enc.location?.at(-1);
        if (last) {
          last.status = 'active';
          if (last.period) delete last.period.end;
        }
        return;
      }
    }
  }

  /** Applies a FHIR resource from a posted Bundle: it replaces the one with its id. */
  applyResource(resource: FoldEncounter | FoldAppointment): void {
    if (resource.resourceType === 'Encounter') this.encounters.set(resource.id, structuredClone(resource));
    else this.appointments.set(resource.id, structuredClone(resource));
  }

  /** The resources (those `keep` keeps, if given), in a stable order (by id), for stateFromFhir. */
  resources(keep: (r: FoldEncounter | FoldAppointment) => boolean = () => true): (FoldEncounter | FoldAppointment)[] {
    const byId = <T extends FoldEncounter | FoldAppointment>(m: Map<string, T>): T[] =>
      [...m.values()].filter(keep).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return [...byId(this.encounters), ...byId(this.appointments)];
  }
}

function ref(location: string): string {
  return `Location/${location}`;
}

function newEncounter(a: AdtEvent): FoldEncounter {
  const start = a.admitTime ?? a.eventTime;
  const enc: FoldEncounter = {
    resourceType: 'Encounter',
    id: a.visit,
    status: 'in-progress',
    class: { system: PATIENT_CLASS_SYSTEM, code: a.patientClass ?? 'I' },
    period: { start },
    location: [{ location: { reference: ref(a.location!) }, status: 'active', period: { start: a.eventTime } }],
  };
  if (a.service) enc.type = [{ coding: [{ system: SERVICE_SYSTEM, code: a.service }] }];
  return enc;
}

function update(enc: FoldEncounter, a: AdtEvent): void {
  if (a.patientClass) enc.class = { system: PATIENT_CLASS_SYSTEM, code: a.patientClass };
  if (a.service) enc.type = [{ coding: [{ system: SERVICE_SYSTEM, code: a.service }] }];
  if (a.admitTime) enc.period = { ...enc.period, start: a.admitTime };
}

function activeLocations(enc: FoldEncounter): FoldLocation[] {
  return (enc.location ?? []).filter((l) => (l.status ?? (l.period?.end ? 'completed' : 'active')) === 'active');
}

function close(l: FoldLocation, at: string): void {
  l.status = 'completed';
  l.period = { ...l.period, end: at };
}

function moveTo(enc: FoldEncounter, location: string, at: string): void {
  const here = activeLocations(enc);
  if (here.length === 1 && here[0]!.location.reference === ref(location)) return;
  for (const l of here) close(l, at);
  (enc.location ??= []).push({ location: { reference: ref(location) }, status: 'active', period: { start: at } });
}
