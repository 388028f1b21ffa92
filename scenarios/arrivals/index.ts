/**
 * The arrival kinds of a patient class, in one table: the schema's union of
 * `arrivals`, the reference checks, the attributes a class's patients carry
 * and the compiler all read it, never a kind's name. A new kind is one file
 * here (and its runner in sim-core/hospital/arrivals) plus one line in this table.
 */
import { z } from 'zod';
import { appointments } from './appointments.js';
import { clinic } from './clinic.js';
import { dated } from './dated.js';
import type { CaseListEntry, RateArrivals, ScenarioArrivalKind } from './kind.js';
import { list } from './list.js';
import { weekly } from './weekly.js';

export const SCENARIO_ARRIVAL_KINDS = [weekly, list, dated, appointments, clinic] as const;

type Schemas<K extends readonly { schema: z.ZodType }[]> = { [I in keyof K]: K[I]['schema'] };

/** How a class's patients come: the union of the table's schemas, told apart by `type`. */
export const ArrivalsSchema = z.discriminatedUnion('type', SCENARIO_ARRIVAL_KINDS.map((k) => k.schema) as unknown as Schemas<typeof SCENARIO_ARRIVAL_KINDS>);
export type ArrivalsInput = z.input<typeof ArrivalsSchema>;
export type Arrivals = z.output<typeof ArrivalsSchema>;

/** The kind of validated arrivals. */
export function arrivalKindOf(a: { type: string }): ScenarioArrivalKind<unknown> {
  const kind = SCENARIO_ARRIVAL_KINDS.find((k) => k.type === a.type);
  if (!kind) throw new Error(`arrivals of type "${a.type}", none of ${SCENARIO_ARRIVAL_KINDS.map((k) => k.type).join(', ')}`);
  return kind as unknown as ScenarioArrivalKind<unknown>;
}

/** The attribute values (name, value) a class's arrivals give its patients besides its mixes, in order. */
export function carriedAttributes(a: { type: string }): [string, string | number][] {
  const kind = arrivalKindOf(a);
  return kind.carriedAttributes ? kind.carriedAttributes(a) : [];
}

/** Whether a class's patients come at a rate (whose fields a variant or an edit may change) rather than booked. */
export function atRate<A extends { type: string }>(a: A): a is A & RateArrivals {
  return arrivalKindOf(a).atRate === true;
}

/** For arrivals not yet checked (any `type`): their kind's reader of entries from a CSV file, or null when the kind takes none. */
export function entriesCsvReader(a: unknown): NonNullable<ScenarioArrivalKind<unknown>['readEntriesCsv']> | null {
  const type = (a as { type?: unknown } | null)?.type;
  const kind = SCENARIO_ARRIVAL_KINDS.find((k) => k.type === type) as ScenarioArrivalKind<unknown> | undefined;
  return kind?.readEntriesCsv ?? null;
}

/** The entries of a class's weekly case list, or null when its patients come otherwise. */
export function caseListOf(a: { type: string }): readonly CaseListEntry[] | null {
  const kind = arrivalKindOf(a);
  return kind.caseList ? kind.caseList(a) : null;
}

export type { ArrivalCheckContext, ArrivalCompileContext, CaseListEntry, RateArrivals, ScenarioArrivalKind } from './kind.js';
export { CLINIC_ATTRIBUTES, templateBookings, type ClinicArrivals, type ClinicTemplate } from './clinic.js';
