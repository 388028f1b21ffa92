/**
 * A tiny hospital for the verbs' unit tests (one file per verb, as simmer has
 * one per activity): a few resources, one pathway, one patient at each listed
 * minute, every duration fixed, nothing costing anything. It is built only
 * through the public `HospitalModel` shape and run through `runHospital` with
 * a trace, so a test reads what a user would: when each patient took, did and
 * left what. Only the tests import it.
 */
import { patientActivities, runHospital, TraceBuffer, TRACE_WORDS, type TraceData } from '../index.js';
import type { AttributeModel, HospitalModel, ItemModel, ResourceKind, ResourceModel, StepModel } from '../index.js';
import { plainSeize } from './seize.js';

export interface TinyResource {
  name: string;
  /** Default 1. */
  capacity?: number;
  /** Default 'pool'. */
  kind?: ResourceKind;
  queueCapacity?: number;
}

/** One arriving patient: at a minute, or at a minute with attribute value indices (by attribute; -1: drawn). */
export type TinyArrival = number | { at: number; attributes: number[] };

export interface TinyHospital {
  /** A name alone is a resource of one unit. */
  resources?: (string | TinyResource)[];
  items?: ItemModel[];
  /** Attributes the patients have, each drawn with equal weights unless an arrival gives its value. */
  attributes?: AttributeModel[];
  /** The class's priority (a seize without its own priority uses it). Default 0. */
  priority?: number;
  /** Within the first week (a list arrival repeats weekly). */
  arrivals: TinyArrival[];
  steps: StepModel[];
  /** Minutes run. Default one day. */
  horizon?: number;
}

/** A hold of a constant number of minutes. */
export function holdFor(minutes: number, activity: string): Extract<StepModel, { op: 'hold' }> {
  return { op: 'hold', activity, duration: { kind: 'fixed', distribution: { type: 'constant', value: minutes } } };
}

/** A seize of all the given resources, waiting as long as it takes, at the class's priority. */
export function seizeOf(resources: number[], more: Partial<Extract<StepModel, { op: 'seize' }>> = {}): StepModel {
  return { ...plainSeize('queue', resources), ...more };
}

export function tinyModel(h: TinyHospital): HospitalModel {
  const attributes = h.attributes ?? [];
  return {
    startMinuteOfWeek: 0,
    warmup: 0,
    horizon: h.horizon ?? 1440,
    resources: (h.resources ?? []).map((r) => resource(typeof r === 'string' ? { name: r } : r)),
    items: h.items ?? [],
    attributes,
    classes: [
      {
        name: 'patient',
        department: 'clinic',
        emergencyDepartment: false,
        priority: h.priority ?? 0,
        arrivals: {
          type: 'list',
          entries: h.arrivals.map((a) =>
            typeof a === 'number' ? { at: a, count: 1, attributes: attributes.map(() => -1) } : { at: a.at, count: 1, attributes: a.attributes },
          ),
        },
        attributes: attributes.map((a, k) => ({ attribute: k, weights: a.values.map(() => 1) })),
        pathway: 0,
      },
    ],
    pathways: [{ name: 'path', steps: h.steps }],
    penalties: { cancelledCase: 0, leftUnseen: 0, boardingHour: 0 },
  };
}

function resource(r: TinyResource): ResourceModel {
  return {
    name: r.name,
    kind: r.kind ?? 'pool',
    department: 'clinic',
    capacity: r.capacity ?? 1,
    ...(r.queueCapacity !== undefined ? { queueCapacity: r.queueCapacity } : {}),
    costPerBusyHour: 0,
    costPerIdleHour: 0,
    overtimePremiumPerHour: 0,
    fixedCostPerDay: 0,
  };
}

/** One patient's story, read back from the trace. */
export interface TinyPatient {
  arrived: number;
  /** When and how it left; undefined while still inside at the end of the run. */
  left?: { at: number; how: string };
  /** Its timed steps: [activity, start, end] (end NaN while still running). */
  activities: [string, number, number][];
  /** When it took each resource, in order: [resource, time]. */
  seized: [string, number][];
  /** When it gave each back: [resource, time]. */
  released: [string, number][];
  /** Every trace row of the patient, as "time what where". */
  rows: string[];
}

export interface TinyRun {
  figures: Record<string, number>;
  trace: TraceData;
  /** By order of arrival. */
  patients: TinyPatient[];
}

export function runTiny(model: HospitalModel, seed = 1): TinyRun {
  const buffer = new TraceBuffer();
  const { figures } = runHospital(model, { seed, replication: 1, trace: buffer });
  const trace = buffer.toData();
  const patients: TinyPatient[] = [];
  for (const a of patientActivities(trace)) {
    const serial = a.patient.serial;
    const p = (patients[serial] ??= { arrived: a.start, activities: [], seized: [], released: [], rows: [] });
    if (a.kind === 'activity') p.activities.push([a.activity, a.start, a.end]);
    else if (a.kind === 'leaving') p.left = { at: a.start, how: a.activity };
  }
  for (let i = 0; i < trace.length; i++) {
    const p = patients[trace.entity[i]!];
    if (p === undefined) continue;
    const what = trace.whatNames[trace.what[i]!]!;
    const where = trace.whereNames[trace.where[i]!]!;
    const time = trace.time[i]!;
    p.rows.push(`${time} ${what} ${where}`);
    if (what === TRACE_WORDS.seize) p.seized.push([where, time]);
    else if (what === TRACE_WORDS.release) p.released.push([where, time]);
  }
  return { figures, trace, patients };
}
