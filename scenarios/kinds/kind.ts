/**
 * What a resource kind means in the scenario layer, in one module per kind:
 * its section of the scenario (schema), the checks a schema cannot make, its
 * compile step to the kernel's resource rows, how the viewer draws it, its
 * noun in event logs and sweep paths, its report section and what a state of
 * today may change in it. Modules are listed in one table (./index.ts).
 */
import type { z } from 'zod';
import type { ResourceKind, ResourceModel } from '../../sim-core/index.js';
import type { SectionId } from '../figure-catalogue.js';

/** How a slot is drawn (the viewer holds each shape's geometry and size). */
export type SlotShape = 'bed' | 'trolley' | 'room' | 'device' | 'staff' | 'unit';

/** What a department is on the floor plan (an OR makes it the theatres, a CT imaging). */
export type ZoneKind = 'ed' | 'imaging' | 'theatres' | 'icu' | 'ward' | 'other';

/** How the viewer draws one resource: data, read by viewer/src/layout. */
export interface LayoutSpec {
  /** For people: "Medical ward", "CT (CT)". */
  label: string;
  shape: SlotShape;
  /** The shape in the emergency department's zone, if another (a pool's cubicles are trolleys there). */
  shapeInEd?: SlotShape;
  /** The zone its department becomes because it holds this (a room: theatres); absent, it does not decide. */
  zone?: Exclude<ZoneKind, 'other'>;
  /** Drawn after the places of its zone, and a patient holding it stays where they are (staff stations). */
  station: boolean;
  /** Names a ward's zone when it is the only one there to name it (a ward: its name, or its id). */
  zoneName?: string;
  /** Units drawn when capacity is unlimited (a patient beyond them is not drawn in a slot). */
  drawnUnits?: number;
}

/** What a state of today may change in a resource: staff on duty, closed beds, units out of order. */
export type TodayChange = 'onDuty' | 'closedBeds' | 'outOfOrder';

export type Problem = (path: string, message: string) => void;

export interface ResourceKindModule<Section extends string = string, Schema extends z.ZodType = z.ZodType> {
  /** The scenario's list of this kind: `wards`. */
  section: Section;
  /** One element of the section. */
  schema: Schema;
  /** The kernel's kinds (sim-core/hospital/resource-kinds.ts) its elements compile to. */
  kinds: readonly ResourceKind[];
  /** One element in messages, with its article: "a ward", "an imaging device". */
  noun: string;
  /** One element in a sweep path's messages (`wards.medcal.beds`: "no ward with id …"). */
  element: string;
  /** Its object type in event logs (OCEL): a group, not a person or a bed. */
  eventLogNoun: string;
  /** The report section of its figures. */
  figureSection: SectionId;
  /** What a state of today may change in it. */
  today?: TodayChange;
  /** Checks a schema of independent fields cannot make, by path (`operatingRooms[0]`). */
  check?(element: z.output<Schema>, path: string, problem: Problem): void;
  compile(element: z.output<Schema>): ResourceModel;
  /** The name people read in reports: the element's own, or undefined for the id made plain. */
  plainName(element: z.output<Schema>): string | undefined;
  layout(element: z.output<Schema>): LayoutSpec;
}

/** A module with its section and schema types kept, so the scenario's type has each section's shape. */
export function defineKind<Section extends string, Schema extends z.ZodType>(m: ResourceKindModule<Section, Schema>): ResourceKindModule<Section, Schema> {
  return m;
}
