/**
 * The kernel half of an arrival kind: how its patients come in a replication,
 * and what the rest of the run may ask of it (attributes an entry fixes, the
 * appointment book the clinic figures follow). The table in index.ts lists
 * the kinds; the replication and the observers ask it, never a kind's name.
 */
import type { RandomStream } from '../../random/stream.js';
import type { Simulation } from '../../simulation.js';
import type { ClassModel } from '../model.js';
import type { ClinicArrivalModel, ClinicVisit } from './clinic.js';

/** What an arrival process needs of its replication. */
export interface ArrivalHost {
  readonly sim: Simulation;
  /** A stream of this replication (`name` plus the replication's own suffix). */
  stream(name: string): RandomStream;
  /** A patient arrives; `entry` is the index of the list entry it came by (its fixed attributes), else -1. */
  arrive(classIndex: number, entry: number): void;
  /** A clinic patient arrives, as booked. */
  arriveForClinic(classIndex: number, visit: ClinicVisit): void;
  /** A clinic session's doctor (resource) comes `minutes` late to session `session` of class `classIndex`. */
  lateStart(classIndex: number, session: number, resource: number, minutes: number): void;
}

export interface ArrivalKind<M extends { type: string }> {
  /** Starts the arrivals of one class: schedules its first events (handlers registered once per replication). */
  start(host: ArrivalHost, cls: ClassModel & { arrivals: M }, classIndex: number, startMinuteOfWeek: number): void;
  /** The attribute value indices entry `entry` fixes (-1: drawn as usual); absent: entries fix none. */
  fixedAttributes?(arrivals: M, entry: number): readonly number[];
  /**
   * The entries a patient already in the hospital may have come by (a weekly case list), with how many
   * patients each brings a cycle: a forecast lets their fixed attributes be carried by the class, drawn
   * in those proportions. Absent: the kind's patients carry none from a state.
   */
  carriedEntries?(arrivals: M): readonly { count: number; attributes: readonly number[] }[];
  /** The appointment book the clinic figures follow; absent: not a clinic. */
  clinic?(arrivals: M): ClinicArrivalModel;
}

/** A kind, typed by its model. */
export function defineArrivalKind<M extends { type: string }>(kind: ArrivalKind<M>): ArrivalKind<M> {
  return kind;
}
