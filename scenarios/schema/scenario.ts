import { z } from 'zod';
import { CaseMixSchema } from './case-mix.js';
import { count, Id, LocalDateTime, nonNegative, positive } from './common.js';
import { DistributionSchema } from './distribution.js';
import { StepSchema } from '../verbs/index.js';
import { RESOURCE_SECTIONS } from '../kinds/index.js';
import { ArrivalsSchema } from '../arrivals/index.js';
import { NetworkSection } from '../network/network-section.js';

const ReorderPolicy = z.discriminatedUnion('type', [
  /** (s, S): when stock falls to s or below, order up to S. */
  z.strictObject({ type: z.literal('sS'), s: count(), S: count() }).refine((p) => p.S > p.s, { message: 'S must be above s', path: ['S'] }),
  /** (R, Q): when stock falls to R or below, order Q. */
  z.strictObject({ type: z.literal('RQ'), R: count(), Q: z.number().int().positive() }),
  /** Periodic review: every `everyDays`, order up to `upTo`. */
  z.strictObject({ type: z.literal('periodic'), everyDays: positive(), upTo: z.number().int().positive() }),
]);

const Item = z.strictObject({
  id: Id,
  name: z.string().optional(),
  unitCost: nonNegative(),
  initialStock: count(),
  policy: ReorderPolicy,
  /** Days from order to delivery. */
  leadTimeDays: DistributionSchema,
  /** What a step that needs the item does when none is on hand. */
  onStockOut: z.enum(['wait', 'cancel']),
});

/**
 * An attribute drawn at arrival from a mix of values; or, with `byAttribute`, following another attribute of the
 * class: a patient whose value of that attribute is a key of `cases` takes the value there (a calibrated patient's
 * DRG is that of the logged case it takes its times from), any other is drawn from the mix.
 */
const AttributeMix = z
  .strictObject({
    values: z.array(z.union([z.number(), z.string()])).min(1),
    weights: z.array(nonNegative()).min(1),
    byAttribute: z.string().min(1).optional(),
    cases: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  })
  .refine((a) => a.values.length === a.weights.length, { message: 'must have one weight per value', path: ['weights'] })
  .refine((a) => (a.byAttribute === undefined) === (a.cases === undefined), {
    message: 'byAttribute and cases go together: the attribute followed, and the value for each of its values',
    path: ['cases'],
  })
  .refine((a) => a.weights.some((w) => w > 0), { message: 'at least one weight must be positive', path: ['weights'] });

const PatientClass = z.strictObject({
  id: Id,
  name: z.string().optional(),
  department: Id,
  /** Counted against the 4-hour ED target. */
  emergencyDepartment: z.boolean().default(false),
  /** How its patients come: one kind each (arrivals/). */
  arrivals: ArrivalsSchema,
  attributes: z.record(z.string(), AttributeMix).default({}),
  /** Priority in every queue (larger first) unless a step says otherwise. */
  priority: z.number().default(0),
  pathway: Id,
});

const Costs = z.strictObject({
  penalties: z
    .strictObject({
      cancelledCase: nonNegative().default(0),
      leftUnseen: nonNegative().default(0),
      boardingHour: nonNegative().default(0),
    })
    .default({ cancelledCase: 0, leftUnseen: 0, boardingHour: 0 }),
  /** What an hour of a patient's waiting is worth: reported as patient time, apart, never in the hospital's cost. */
  patientTimePerHour: nonNegative().optional(),
});

/** A scenario's horizon is capped at ten years: longer runs are better split into replications. */
export const MAX_HORIZON_DAYS = 3660;

export const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Start of simulated time: a local date and time, "YYYY-MM-DDTHH:MM". */
  start: LocalDateTime,
  horizonDays: positive().max(MAX_HORIZON_DAYS, `must be at most ${MAX_HORIZON_DAYS} days (ten years)`),
  warmupDays: nonNegative().default(0),
  replications: z.number().int('must be a whole number').positive('must be at least 1').max(100_000, 'must be at most 100000').default(10),
  seed: z.union([z.number().int(), z.string().min(1)]).default(1),
  /** Wards, staff, operating rooms, imaging and other resources: one section per kind (kinds/). */
  ...RESOURCE_SECTIONS,
  items: z.array(Item).default([]),
  patientClasses: z.array(PatientClass).min(1, 'must have at least one patient class'),
  pathways: z.record(Id, z.array(StepSchema).min(1, 'must have at least one step')),
  costs: Costs.default({ penalties: { cancelledCase: 0, leftUnseen: 0, boardingHour: 0 } }),
  /** How money is written in reports and the viewer: an ISO 4217 code ("GBP"). */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as "GBP"')
    .optional(),
  /**
   * What the hospital aims for, by figure id ("ed.within4h": 0.95): the viewer shows each
   * as met or missed, the better side taken from the figure catalogue.
   */
  targets: z.record(z.string().min(1), z.number()).optional(),
  /** Case-mix groups (DRG/DIP) with their relative weights and the base rate: cost per case against payment. */
  caseMix: CaseMixSchema.optional(),
  /**
   * Minutes within which a wait should end, by seize step id ("triage": 15): each gets the
   * figure `wait.<id>.withinTarget`, the share of patients seen within it.
   */
  waitTargets: z.record(Id, positive()).optional(),
  /** The sites and travel times of a network this scenario was merged from (scenarios/network/); absent for one hospital. */
  network: NetworkSection.optional(),
});

/** A scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
/** A validated scenario with defaults applied. */
export type Scenario = z.output<typeof ScenarioSchema>;
export type PathwayStep = Scenario['pathways'][string][number];
export type PatientClassSpec = Scenario['patientClasses'][number];
export type ArrivalSpec = PatientClassSpec['arrivals'];
