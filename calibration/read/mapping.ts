/**
 * The mapping file: which columns of a hospital's event log hold what, how its
 * times are written, and how the log's activities become a model (what to drop,
 * which activities are ward stays, where a case starts and ends). YAML or JSON.
 */
import { z } from 'zod';
import { formatPath, readDataText } from '../../scenarios/index.js';
import { CalibrationError } from '../errors.js';

import { CaseMixOptions, CaseTable, Column, Name, WardId } from './mapping-fields.js';

const Attribute = z.union([
  Column,
  z.strictObject({
    column: Column,
    /** Name in the scenario (default: the column's name). */
    name: Name.optional(),
    /** Cut points for a numeric column: [65, 80] makes three groups, below 65, 65 to 79, 80 and over. */
    bins: z.array(z.number().finite()).min(1).optional(),
    /** One label per group (bins.length + 1). */
    labels: z.array(Name).optional(),
  }),
]);

const WardType = z.enum(['general', 'icu', 'stepdown', 'ed']);

const Stays = z.strictObject({
  /** Activities that put the patient in a ward bed (an admission), each with its ward. */
  activities: z.array(z.strictObject({ activity: Name, ward: WardId, type: WardType.default('general') })).default([]),
  /** Activities named `<prefix><ward>` are stays in that ward (the export-log convention is "stay:"). */
  prefix: z.string().min(1).optional(),
  /**
   * Every other activity is a stay in a ward of its own, of this type, its id made from the activity's name
   * (a log whose every row is a stay in a care unit, such as MIMIC's transfers table). `activities` and
   * `prefix` still come first; `endAt` activities are never stays.
   */
  others: WardType.optional(),
  /** Activities that end a stay (a release or discharge). Without them a stay ends at the next admission or at the end of the case. */
  endAt: z.array(Name).default([]),
});

const ModelOptions = z.strictObject({
  /** Scenario name (default: from the log's file name). */
  name: z.string().min(1).optional(),
  department: WardId.default('hospital'),
  /** The cases are emergency patients (counted against the 4-hour target in figures). */
  emergencyDepartment: z.boolean().default(false),
  /** An attribute whose values become separate patient classes, each with its own arrivals, routing and durations. */
  classBy: Name.optional(),
  /** An attribute by whose values activity durations are fitted separately (where each value has enough cases). */
  durationsBy: Name.optional(),
  /** Activities left out of the flow (measurements such as lab draws): time between the others spans them. */
  drop: z.array(Name).default([]),
  /** If given, only these activities are kept. */
  keep: z.array(Name).optional(),
  /** Marker activities giving the time a case starts (an "arrive" row); not steps of the pathway. */
  caseStart: z.array(Name).default([]),
  /** Marker activities giving the time a case ends (a "leave" row); not steps of the pathway. */
  caseEnd: z.array(Name).default([]),
  stays: Stays.prefault({}),
  /**
   * How the length of stay is measured for the report and validation: from the first `from` (or the first
   * activity that is not one of `fromFirstOtherThan`: the first unit after the ED) to the first `to` after it;
   * without `to`, to the end of the case (its end marker, else its last activity's end: a discharge).
   */
  lengthOfStay: z
    .strictObject({
      from: z.array(Name).min(1).optional(),
      fromFirstOtherThan: z.array(Name).min(1).optional(),
      to: z.array(Name).min(1).optional(),
    })
    .refine((l) => (l.from === undefined) !== (l.fromFirstOtherThan === undefined), {
      message: 'must say where a stay starts: either from (its first activities) or fromFirstOtherThan (the activities before it), not both',
    })
    .optional(),
  /**
   * Stays still open when the log ends: `censor` fits them as right-censored at the log's last time;
   * `exclude` leaves them out (when an open stay more likely means a missing record than a patient still in bed).
   */
  openEnded: z.enum(['censor', 'exclude']).default('censor'),
  /**
   * Activities the routing remembers: the next step after a step is counted separately for each set of these
   * a case has already had, so a case that met one of them out of order (fluids before registration) still
   * goes on to the others, as the log's cases did. Best for steps a case has once; the report lists those.
   */
  remember: z.array(Name).default([]),
  /**
   * How the times of a case are drawn: `independent`, each time between steps (and each activity's duration) from
   * its own fitted distribution; `caseBootstrap`, a simulated case takes the times of one logged case of its class
   * wherever it takes the same step to step (smoothed by a small lognormal kernel), and a fitted one elsewhere, so
   * times the log ties together stay tied (fluids and antibiotics given together after a long triage).
   */
  times: z.enum(['independent', 'caseBootstrap']).default('caseBootstrap'),
  /**
   * The attribute naming the patient a case belongs to, when a patient can have several cases (MIMIC's
   * subject_id: one patient has up to 13 admissions): the validation resamples patients, not cases, for the
   * log's own errors, and `calibrate --holdout` splits by patient.
   */
  patientBy: Name.optional(),
  /** Transitions seen fewer times than this are left out of the routing (and the rest renormalised). */
  minTransitions: z.number().int().min(1).default(1),
  /** Fewer observations than this are not fitted: their empirical distribution is used. */
  minFit: z.number().int().min(3).default(10),
  /**
   * How a duration's distribution is chosen: the family with the smallest AIC (`aic`); the same unless even
   * that family is rejected by the Kolmogorov–Smirnov test at 1% with 30 or more observations, then the
   * empirical distribution (`aic-or-empirical`); or always the empirical distribution (`empirical`).
   */
  choose: z.enum(['aic', 'aic-or-empirical', 'empirical']).default('aic-or-empirical'),
  /** Use the hour-of-day and day-of-week patterns of arrivals when their chi-square test rejects a flat rate at this level (1: always). */
  patternLevel: z.number().min(0).max(1).default(0.05),
  replications: z.number().int().positive().default(10),
  seed: z.number().int().default(1),
  /**
   * The log's dates were shifted case by case when it was de-identified (MIMIC-IV moves each patient to
   * somewhere in 2110–2202): times within a case are true, but arrivals per day, weekday patterns and how
   * many cases were in at once cannot be read from it. Then arrivals come at `arrivalsPerDay` (with the
   * hour-of-day pattern if its test finds one, never a weekday pattern), beds and pools are sized by
   * Little's law at that rate, the scenario runs `horizonDays`, and validation leaves out the figures that
   * depend on dates across cases (arrivals per day and hour, occupancy) and says so.
   */
  datesShifted: z
    .strictObject({
      arrivalsPerDay: z.number().positive().finite(),
      horizonDays: z.number().int().positive().max(3660).default(365),
    })
    .optional(),
  /**
   * Declare case-mix groups (DRG/DIP) in the scenario by an attribute: one group per value seen, named from the
   * case table's `label`; with `weights` and `baseRate`, what the payer pays for each. Without them each group
   * reports its cases and cost per case, and its payment and margin are not known.
   */
  caseMix: CaseMixOptions.optional(),
});

export const MappingSchema = z.strictObject({
  /** Field separator. */
  delimiter: z.enum([',', ';', '\t', '|']).default(','),
  columns: z
    .strictObject({
      /**
       * The case id's column; or several, the first that is not empty on a row giving the id (MIMIC's ED
       * visits that led to no admission have no hadm_id: `[hadm_id, transfer_id]` keeps each as a case).
       */
      case: z.union([Column, z.array(Column).min(1, 'must name at least one column')]),
      activity: Column,
      /** Logs with a start and an end per activity. */
      start: Column.optional(),
      end: Column.optional(),
      /** Logs with one time per event (most hospital systems): durations are the times between events. */
      timestamp: Column.optional(),
      resource: Column.optional(),
      lifecycle: Column.optional(),
    })
    .refine((c) => (c.timestamp === undefined) !== (c.start === undefined), {
      message: 'must name either a timestamp column (one time per event) or a start column (and an end column)',
    })
    .refine((c) => c.end === undefined || c.start !== undefined, { message: 'an end column needs a start column', path: ['end'] }),
  /** Patient attributes (acuity, procedure, age group): columns, or "*" for every column not otherwise named. */
  attributes: z.union([z.literal('*'), z.array(Attribute)]).default([]),
  /** Attributes of each case read from other tables of the same export, joined on the case id. */
  caseTables: z.array(CaseTable).default([]),
  /** Keep only rows whose lifecycle column has one of these values (e.g. [complete]). */
  lifecycle: z.array(Name).optional(),
  time: z
    .strictObject({
      /** "iso" (2026-01-05T08:30:00, with or without an offset) or a pattern such as "DD/MM/YYYY HH:mm". */
      format: z.string().min(1).default('iso'),
      /**
       * The hospital's time zone (IANA name such as Europe/Amsterdam, UTC, or an offset like +01:00): times
       * written without an offset are read in it, and hours of the day are counted on its clock. Without it,
       * times are taken as written and no daylight-saving change is applied.
       */
      zone: z.string().min(1).optional(),
    })
    .prefault({}),
  /** What the person who knows the log wants every report to say about it (how it was recorded, what it cannot tell). */
  notes: z.array(z.string().min(1)).default([]),
  /** Refuse the log when more than this share of its rows are bad. */
  maxBadShare: z.number().min(0).max(1).default(0.5),
  model: ModelOptions.prefault({}),
});

export type Mapping = z.output<typeof MappingSchema>;
export type CaseTableSpec = Mapping['caseTables'][number];
export type MappingInput = z.input<typeof MappingSchema>;
export type ModelOptions = Mapping['model'];

/** A mapping from a document already parsed from YAML or JSON; throws CalibrationError listing every problem. */
export function parseMapping(document: unknown, source = 'mapping'): Mapping {
  const result = MappingSchema.safeParse(document);
  if (!result.success) {
    throw new CalibrationError(
      source,
      result.error.issues.map((i) => `${formatPath(i.path) || '(document)'}: ${i.message}`),
    );
  }
  const m = result.data;
  const problems: string[] = [];
  if (m.time.zone !== undefined && !validZone(m.time.zone)) {
    problems.push(`time.zone: "${m.time.zone}" is not a time zone (use an IANA name such as Europe/Amsterdam, UTC, or an offset like +01:00)`);
  }
  if (Array.isArray(m.attributes)) {
    m.attributes.forEach((a, i) => {
      if (typeof a !== 'string' && a.labels && a.bins && a.labels.length !== a.bins.length + 1) {
        problems.push(`attributes[${i}].labels: must have one label per group (${a.bins.length + 1}), got ${a.labels.length}`);
      }
      if (typeof a !== 'string' && a.labels && !a.bins) problems.push(`attributes[${i}].labels: needs bins`);
    });
  }
  problems.push(...caseTableProblems(m));
  const wards = new Set<string>();
  m.model.stays.activities.forEach((s, i) => {
    if (wards.has(s.ward)) problems.push(`model.stays.activities[${i}].ward: "${s.ward}" is already the ward of another activity`);
    wards.add(s.ward);
  });
  if (problems.length > 0) throw new CalibrationError(source, problems);
  return m;
}

/** A case table's attribute named as another attribute, or two alike; case mix by an attribute the mapping lacks. */
function caseTableProblems(m: Mapping): string[] {
  const problems: string[] = [];
  const named = new Set(m.attributes === '*' ? [] : attributeColumns(m, []).map((a) => a.name));
  m.caseTables.forEach((t, i) => {
    const name = caseTableAttribute(t);
    if (named.has(name))
      problems.push(
        `caseTables[${i}]${t.name === undefined ? '.value' : '.name'}: "${name}" is already the name of another attribute (give this one a name of its own)`,
      );
    named.add(name);
  });
  const mix = m.model.caseMix;
  if (mix && m.attributes !== '*' && !named.has(mix.attribute))
    problems.push(
      `model.caseMix.attribute: "${mix.attribute}" is not an attribute of the mapping (its attributes: ${[...named].map((n) => `"${n}"`).join(', ') || 'none'}); name a column in attributes or a caseTables entry`,
    );
  return problems;
}

/** The attribute name a case table gives. */
export function caseTableAttribute(t: CaseTableSpec): string {
  return t.name ?? t.value;
}

/** A mapping from the text of a YAML or JSON file. */
export function parseMappingText(text: string, source = 'mapping'): Mapping {
  // YAML reads JSON too; the same rules as scenario files (one document, no key twice, size and nesting limits).
  const read = readDataText(text, 'yaml');
  if ('problem' in read) throw new CalibrationError(source, [read.problem.replace(/^cannot be read as YAML/, 'cannot be read as YAML or JSON')]);
  return parseMapping(read.document, source);
}

/** The names attributes get in the model, with how each is read from its column. */
export interface AttributeColumn {
  column: string;
  name: string;
  bins?: number[];
  labels?: string[];
}

/** The attribute columns a mapping asks for, given the log's header (for "*"). */
export function attributeColumns(m: Mapping, header: readonly string[]): AttributeColumn[] {
  if (m.attributes === '*') {
    const named = new Set(Object.values(m.columns).filter((c): c is string => c !== undefined));
    return header.filter((h) => !named.has(h) && h !== '').map((h) => ({ column: h, name: h }));
  }
  return m.attributes.map((a) => {
    if (typeof a === 'string') return { column: a, name: a };
    const bins = a.bins ? [...a.bins].sort((x, y) => x - y) : undefined;
    const labels = a.labels ?? (bins ? binLabels(bins) : undefined);
    return { column: a.column, name: a.name ?? a.column, ...(bins ? { bins } : {}), ...(labels ? { labels } : {}) };
  });
}

function binLabels(bins: number[]): string[] {
  const out = [`<${bins[0]!}`];
  for (let i = 1; i < bins.length; i++) out.push(`${bins[i - 1]!}-${bins[i]!}`);
  out.push(`${bins[bins.length - 1]!}+`);
  return out;
}

function validZone(zone: string): boolean {
  if (/^(Z|UTC|[+-]\d{2}:?\d{2})$/i.test(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
