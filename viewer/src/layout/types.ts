/**
 * The floor plan the viewer draws: zones (departments) holding blocks of slots (beds, rooms, devices, staff).
 * Kinds, shapes and zones are the scenario's (scenarios/kinds): the viewer knows only how big each shape is.
 */
import type { SlotShape, ZoneKind } from '../../../scenarios/index.js';
import type { ResourceKind } from '../../../sim-core/index.js';

export type { ResourceKind, SlotShape, ZoneKind };

export interface Rect {
  x0: number;
  z0: number;
  x1: number;
  z1: number;
}

export interface Zone extends Rect {
  /** The department id. */
  id: string;
  label: string;
  kind: ZoneKind;
  /** -1: north of the corridor, +1: south (departments fill the north side first, in the order ED, imaging, theatres, other, ICU, wards). */
  side: -1 | 1;
}

/** One resource of the scenario: its slots in a grid, and the line where its patients wait. */
export interface ResourceBlock extends Rect {
  /** The resource id, as the trace names it. */
  name: string;
  label: string;
  kind: ResourceKind;
  zone: number;
  shape: SlotShape;
  units: number;
  /** Index of its first slot in the layout's slot arrays. */
  firstSlot: number;
  /** Patients held here lie down (beds, operating tables, scanners). */
  lying: boolean;
  /** A staff station: drawn after the places of its zone, and a patient holding it stays where they are. */
  station: boolean;
  /** Its units are beds a patient lies in for a stay (sim-core's resource kinds: `bed`): the census, boarding, outliers. */
  bed: boolean;
  /** Taking one starts a patient's time in theatre (sim-core's resource kinds: `theatre`). */
  theatre: boolean;
  /** Waiting line: first spot, spacing, spots per row; rows grow towards (and across) the corridor. */
  queue: { x: number; z: number; dx: number; dz: number; cols: number };
  /** Units open by minute of the week, for rostered resources (ORs, imaging, staff); null = always open. */
  profile: Uint16Array | null;
  /** Minutes a room is cleaned after a case (mean of its turnover), 0 if none. */
  cleaningMinutes: number;
}

export interface HospitalLayout {
  zones: Zone[];
  blocks: ResourceBlock[];
  /** Block index by resource name. */
  blockOf: Map<string, number>;
  slotCount: number;
  slotX: Float32Array;
  slotZ: Float32Array;
  slotBlock: Int32Array;
  /** Where patients come in and go out. */
  entrance: { x: number; z: number };
  /** Half-width of the corridor that runs along x at z = 0. */
  corridor: number;
  bounds: Rect;
  /** Minute of the week at simulated time 0. */
  startMinuteOfWeek: number;
}

/** Footprint and spacing of each shape, in metres. */
export const SHAPES: Record<SlotShape, { w: number; d: number; dx: number; dz: number; maxCols: number }> = {
  bed: { w: 0.95, d: 2.0, dx: 1.4, dz: 2.7, maxCols: 24 },
  trolley: { w: 0.8, d: 1.9, dx: 1.3, dz: 2.6, maxCols: 16 },
  room: { w: 3.6, d: 3.6, dx: 4.4, dz: 4.4, maxCols: 4 },
  device: { w: 2.4, d: 2.4, dx: 3.3, dz: 3.3, maxCols: 4 },
  staff: { w: 0.8, d: 0.8, dx: 1.1, dz: 1.1, maxCols: 8 },
  unit: { w: 1.0, d: 1.0, dx: 1.5, dz: 1.5, maxCols: 10 },
};
