/**
 * The arrival kinds, in one table: how each class's patients come. The
 * replication starts a class's arrivals through it, and asks it what an entry
 * fixes and whether a class is a clinic; nobody else knows a kind by name. A
 * new kind is one file here (and its schema and compile step in
 * scenarios/arrivals/) plus one line in this table.
 */
import type { AppointmentArrivalModel } from './appointments.js';
import { appointments } from './appointments.js';
import { clinic, type ClinicArrivalModel } from './clinic.js';
import { dated, type DatedArrivalModel } from './dated.js';
import type { ArrivalKind } from './kind.js';
import { list, type ListArrivalModel } from './list.js';
import { weekly, type WeeklyArrivalModel } from './weekly.js';

/** How a class's patients come: one kind's model each. */
export type ArrivalModel = WeeklyArrivalModel | ListArrivalModel | DatedArrivalModel | AppointmentArrivalModel | ClinicArrivalModel;

type KindTable = { [K in ArrivalModel['type']]: ArrivalKind<Extract<ArrivalModel, { type: K }>> };

export const ARRIVAL_KINDS: KindTable = { weekly, list, dated, appointments, clinic };

/** The kind of an arrival model. */
export function arrivalKind(a: ArrivalModel): ArrivalKind<ArrivalModel> {
  return ARRIVAL_KINDS[a.type] as ArrivalKind<ArrivalModel>;
}

/** The appointment book of a class's arrivals, or null when they are not a clinic's. */
export function clinicOf(a: ArrivalModel): ClinicArrivalModel | null {
  const kind = arrivalKind(a);
  return kind.clinic ? kind.clinic(a) : null;
}

/** The entries whose fixed attributes a patient already in the hospital may carry (none for most kinds). */
export function carriedEntries(a: ArrivalModel): readonly { count: number; attributes: readonly number[] }[] {
  const kind = arrivalKind(a);
  return kind.carriedEntries ? kind.carriedEntries(a) : [];
}

export type { ArrivalHost, ArrivalKind } from './kind.js';
export type { AppointmentArrivalModel } from './appointments.js';
export type { ClinicArrivalModel, ClinicSessionModel, ClinicVisit } from './clinic.js';
export type { DatedArrivalModel } from './dated.js';
export type { ListArrivalModel } from './list.js';
export type { ArrivalSurge, WeeklyArrivalModel } from './weekly.js';
export { surgeFactor } from './weekly.js';
