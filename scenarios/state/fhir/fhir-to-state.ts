/**
 * A hospital state from HL7 FHIR R4 resources (a Bundle, or a bulk $export's
 * NDJSON): Encounters in progress are the patients in the hospital, placed by
 * their current (active) and next (planned) locations; booked Appointments are
 * the bookings. Everything is mapped through a FhirMapping; every problem is
 * reported by the resource's path (`entry[3].resource.period`,
 * `Encounter.ndjson line 7: location[0]...`) and nothing is run.
 *
 * FHIR times carry a UTC offset; the hospital's local clock time as written is
 * kept and the offset dropped, as the scenario's own times are local.
 */
import { zodIssues } from '../../load.js';
import type { ScenarioIssue } from '../../schema/errors.js';
import { parseState } from '../parse-state.js';
import { protoKeys } from '../state-checks.js';
import { StateError } from '../state-error.js';
import type { Booking, HospitalState, StatePatient } from '../state-schema.js';
import { FhirMappingSchema, type FhirMapping } from './fhir-mapping.js';
import {
  AppointmentSchema,
  BundleSchema,
  EncounterSchema,
  type FhirAppointment,
  type FhirCodeableConcept,
  type FhirCoding,
  type FhirEncounter,
} from './fhir-resources.js';

/** A resource and where it was read, for problems. */
export interface FhirItem {
  resource: unknown;
  path: string;
}

const IN_HOSPITAL = new Set(['arrived', 'triaged', 'in-progress', 'onleave']);

/**
 * Whether a resource can add to the state: an Encounter with the patient in
 * hospital, a booked Appointment. Every other one (a finished visit) is read
 * and dropped by `stateFromFhir`; a caller holding many (the live twin's
 * every visit so far) may leave them out first, for the same state.
 */
export function fhirResourceCounts(resource: { resourceType?: unknown; status?: unknown }): boolean {
  if (resource.resourceType === 'Encounter') return typeof resource.status === 'string' && IN_HOSPITAL.has(resource.status);
  if (resource.resourceType === 'Appointment') return resource.status === 'booked';
  return false;
}

/** The mapping document checked (StateError by path). */
export function parseFhirMapping(document: unknown, source = 'FHIR mapping'): FhirMapping {
  const reserved = protoKeys(document);
  if (reserved.length > 0) throw new StateError(source, reserved);
  const r = FhirMappingSchema.safeParse(document, { reportInput: true });
  if (!r.success) throw new StateError(source, zodIssues(r.error.issues));
  return r.data;
}

/** The resources of a Bundle (JSON), each with its path in the Bundle. */
export function bundleItems(bundle: unknown, file: string): { items: FhirItem[]; timestamp?: string } {
  const r = BundleSchema.safeParse(bundle, { reportInput: true });
  if (!r.success) throw new StateError(file, zodIssues(r.error.issues));
  const b = r.data;
  const items = (b.entry ?? []).map((e, k) => ({ resource: e.resource, path: `entry[${k}].resource` }));
  return { items, ...(b.timestamp ? { timestamp: b.timestamp } : {}) };
}

/** The resources of NDJSON text (one resource a line), each with its line. */
export function ndjsonItems(text: string, file: string): FhirItem[] {
  const items: FhirItem[] = [];
  const issues: ScenarioIssue[] = [];
  text.split('\n').forEach((line, k) => {
    if (line.trim() === '') return;
    try {
      items.push({ resource: JSON.parse(line), path: `${file} line ${k + 1}:` });
    } catch (e) {
      issues.push({ path: `${file} line ${k + 1}`, message: `is not JSON: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
  if (issues.length > 0) throw new StateError(file, issues);
  return items;
}

/** FHIR dateTime/instant to our local "YYYY-MM-DDTHH:MM" (offset dropped; a date alone is its midnight). */
export function localTime(t: string | undefined): string | undefined {
  if (t === undefined) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(t);
  if (!m) return undefined;
  return `${m[1]}T${m[2] ?? '00:00'}`;
}

export function stateFromFhir(items: readonly FhirItem[], mapping: FhirMapping, asOf: string | undefined, source: string): HospitalState {
  const issues: ScenarioIssue[] = [];
  const at = (item: FhirItem, field: string): string => (item.path.endsWith(':') ? `${item.path} ${field}` : `${item.path}.${field}`);
  const asOfLocal = localTime(asOf);
  if (!asOfLocal) issues.push({ path: 'asOf', message: 'is required: the Bundle\'s timestamp, or --as-of "YYYY-MM-DDTHH:MM"' });
  const patients: StatePatient[] = [];
  const patientPaths: string[] = [];
  const booked: Booking[] = [];
  const bookedPaths: string[] = [];
  const seen = new Map<string, string>();
  for (const item of items) {
    const type = resourceTypeOf(item.resource);
    const schema = type === 'Encounter' ? EncounterSchema : type === 'Appointment' ? AppointmentSchema : undefined;
    if (!schema) continue;
    const checked = schema.safeParse(item.resource, { reportInput: true });
    if (!checked.success) {
      for (const i of zodIssues(checked.error.issues)) issues.push({ path: i.path ? at(item, i.path) : item.path.replace(/:$/, ''), message: i.message });
      continue;
    }
    const r = checked.data;
    // The same resource twice (a Bundle joined from two exports) would be counted twice: refused, naming both.
    if (r.id !== undefined) {
      const key = `${type}/${r.id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({ path: at(item, 'id'), message: `${type} ${JSON.stringify(r.id.slice(0, 80))} is given twice: also ${first}` });
        continue;
      }
      seen.set(key, item.path.replace(/:$/, ''));
    }
    if (r.resourceType === 'Encounter') {
      const p = encounterPatient(r, mapping, (f) => at(item, f), issues);
      if (p) {
        patients.push(p);
        patientPaths.push(item.path.replace(/:$/, ''));
      }
    } else {
      const b = appointmentBooking(r, mapping, asOfLocal, (f) => at(item, f), issues);
      if (b) {
        booked.push(b);
        bookedPaths.push(item.path.replace(/:$/, ''));
      }
    }
  }
  if (issues.length > 0) throw new StateError(source, issues);
  try {
    const state = parseState({ asOf: asOfLocal, patients, booked }, source);
    return { ...state, patientPaths };
  } catch (e) {
    // Put the problems back on the resources they came from.
    if (!(e instanceof StateError)) throw e;
    const back = (path: string): string =>
      path
        .replace(/^patients\[(\d+)\]\.?/, (_, k: string) => `${patientPaths[Number(k)]} (as patient) `)
        .replace(/^booked\[(\d+)\]\.?/, (_, k: string) => `${bookedPaths[Number(k)]} (as booking) `);
    throw new StateError(
      source,
      e.issues.map((i) => ({ path: back(i.path).trim(), message: i.message.replace(/\bpatients\[(\d+)\]/g, (_, k: string) => patientPaths[Number(k)] ?? '') })),
    );
  }
}

function resourceTypeOf(resource: unknown): unknown {
  return resource !== null && typeof resource === 'object' && Object.hasOwn(resource, 'resourceType')
    ? (resource as { resourceType: unknown }).resourceType
    : undefined;
}

/** A mapping's entry for a name, looked up as the mapping's own key ("__proto__" and "toString" are unknown names like any other). */
function own<T>(map: Record<string, T>, name: string | undefined): T | undefined {
  return name !== undefined && Object.hasOwn(map, name) ? map[name] : undefined;
}

function codesOf(...concepts: (FhirCodeableConcept | FhirCoding | undefined)[]): FhirCoding[] {
  return concepts.flatMap((c) => (c === undefined ? [] : 'coding' in c ? ((c as FhirCodeableConcept).coding ?? []) : [c as FhirCoding]));
}

function ruleFor(rules: FhirMapping['encounters'], codes: readonly FhirCoding[]): FhirMapping['encounters'][number] | undefined {
  return rules.find((rule) => codes.some((c) => c.code === rule.code && (rule.system === undefined || c.system === rule.system)));
}

function encounterPatient(e: FhirEncounter, mapping: FhirMapping, at: (f: string) => string, issues: ScenarioIssue[]): StatePatient | null {
  if (!IN_HOSPITAL.has(e.status)) return null;
  const codes = codesOf(e.class, ...(e.type ?? []), e.serviceType);
  const rule = ruleFor(mapping.encounters, codes);
  let ok = true;
  if (!rule) {
    issues.push({
      path: at('class'),
      message: `no class for its codes ${codes.map((c) => `${c.system ? `${c.system}|` : ''}${c.code}`).join(', ') || '(none)'}: add one to the mapping's encounters`,
    });
    ok = false;
  }
  const arrived = localTime(e.period?.start);
  if (!arrived) {
    issues.push({ path: at('period'), message: 'an encounter in progress needs period.start (when the patient arrived)' });
    ok = false;
  }
  let ward: string | undefined;
  const holding: string[] = [];
  let step: { step: string; occurrence?: number; waiting: boolean; since: string | undefined } | undefined;
  let planned: { ward: string; since: string | undefined; k: number } | undefined;
  (e.location ?? []).forEach((l, k) => {
    const ref = l.location.reference ?? l.location.display ?? '';
    const status = l.status ?? (l.period?.end ? 'completed' : 'active');
    if (status === 'completed') return;
    const m = own(mapping.locations, ref) ?? own(mapping.locations, l.location.display);
    if (!m) {
      issues.push({ path: at(`location[${k}].location`), message: `unknown location "${ref}" (mapped: ${Object.keys(mapping.locations).join(', ')})` });
      ok = false;
      return;
    }
    const since = localTime(l.period?.start);
    if (status === 'planned') {
      if (m.ward !== undefined) planned = { ward: m.ward, since, k };
      return;
    }
    if (status !== 'active') return;
    if (!since) {
      issues.push({ path: at(`location[${k}].period`), message: 'an active location needs period.start (since when the patient is there)' });
      ok = false;
    }
    holding.push(...m.holds);
    if (m.ward !== undefined) {
      ward = m.ward;
      step ??= { step: m.step ?? m.ward, occurrence: m.occurrence ?? own(mapping.stayOccurrence, m.ward) ?? 1, waiting: m.waiting, since };
    } else step = { step: m.step!, ...(m.occurrence !== undefined ? { occurrence: m.occurrence } : {}), waiting: m.waiting, since };
  });
  if (planned && ward === undefined) {
    const waitAt = own(mapping.waitingFor, planned.ward);
    if (!waitAt) {
      issues.push({ path: at(`location[${planned.k}]`), message: `a planned move to ward ${planned.ward}, but the mapping's waitingFor has no step for it` });
      ok = false;
    } else step = { step: waitAt, waiting: true, since: planned.since ?? step?.since };
  }
  if (!step && ok) {
    issues.push({ path: at('location'), message: 'an encounter in progress needs an active location (where the patient is now)' });
    ok = false;
  }
  if (!ok || !rule || !step || !arrived) return null;
  return {
    ...(e.id ? { id: e.id } : {}),
    class: rule.class,
    ...(rule.attributes ? { attributes: rule.attributes } : {}),
    step: step.step,
    ...(step.occurrence !== undefined ? { occurrence: step.occurrence } : {}),
    waiting: step.waiting,
    ...(ward !== undefined ? { ward } : {}),
    holding,
    since: step.since ?? arrived,
    arrived,
  };
}

function appointmentBooking(
  a: FhirAppointment,
  mapping: FhirMapping,
  asOf: string | undefined,
  at: (f: string) => string,
  issues: ScenarioIssue[],
): Booking | null {
  if (a.status !== 'booked') return null;
  const codes = codesOf(...(a.serviceType ?? []), a.appointmentType);
  const rule = ruleFor(mapping.appointments, codes);
  const start = localTime(a.start);
  let ok = true;
  if (!rule) {
    issues.push({
      path: at('serviceType'),
      message: `no booked class for its codes ${codes.map((c) => c.code).join(', ') || '(none)'}: add one to the mapping's appointments`,
    });
    ok = false;
  }
  if (!start) {
    issues.push({ path: at('start'), message: 'a booked appointment needs a start' });
    ok = false;
  } else if (asOf !== undefined && start < asOf) {
    issues.push({
      path: at('start'),
      message: `a booked appointment in the past (${start}, before ${asOf}): it has happened or not; mark it fulfilled, noshow or cancelled`,
    });
    ok = false;
  }
  if (!ok || !rule || !start) return null;
  return { ...(a.id ? { id: a.id } : {}), class: rule.class, at: start, count: 1, ...(rule.attributes ? { attributes: rule.attributes } : {}) };
}
