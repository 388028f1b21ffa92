import type { HospitalLayout } from '../layout/types.js';
import type { QueueCounts } from './queue-counts.js';

/** What a slot (bed, room, device, staff station) is doing. */
export const SLOT_FREE = 0;
export const SLOT_BUSY = 1;
export const SLOT_CLEANING = 2;
export const SLOT_BROKEN = 3;
export const SLOT_CLOSED = 4;
export type SlotState = 0 | 1 | 2 | 3 | 4;
export const SLOT_STATE_NAMES = ['free', 'busy', 'cleaning', 'broken', 'closed'] as const;

/**
 * A run's trace turned into per-entity paths over the floor plan, ready to be
 * sampled at any time. Everything is in flat typed arrays so a frame allocates
 * nothing; `cursor` and `slotCursor` remember the last keyframe used per entity
 * and slot, so playing forward costs a step or two per entity.
 */
export interface Replay {
  layout: HospitalLayout;
  /** Simulated minutes covered: warm-up plus horizon (or the last event). */
  endTime: number;
  entityCount: number;
  /** Entities by appearance time, and when each appears and vanishes (Infinity: still in at the end). */
  order: Int32Array;
  appearSorted: Float64Array;
  appear: Float64Array;
  vanish: Float64Array;
  /** Piecewise-linear path of entity e: keyframes kfStart[e] .. kfStart[e+1]-1. */
  kfStart: Int32Array;
  kfT: Float64Array;
  kfX: Float32Array;
  kfZ: Float32Array;
  /** 1 when the entity lies on a bed, table or scanner from this keyframe to the next. */
  kfLying: Uint8Array;
  cursor: Int32Array;
  /** Entities alive at checkpoint k·checkpointEvery: cpIds[cpStart[k] .. cpStart[k+1]-1]; entities that appear later start at cpFirstNew[k] in `order`. */
  checkpointEvery: number;
  cpStart: Int32Array;
  cpIds: Int32Array;
  cpFirstNew: Int32Array;
  /** Most entities alive at once: the size of frame buffers. */
  maxAlive: number;
  /** Patient class (index into classNames) and acuity (index into acuityValues, -1 if none). */
  klass: Int32Array;
  classNames: string[];
  acuity: Int32Array;
  acuityValues: string[];
  /** Colour of each entity (r, g, b), set by `colourEntities`. */
  entityColour: Float32Array;
  /** State changes of slot s: slotStart[s] .. slotStart[s+1]-1, each a time, a state and the patient (or -1). */
  slotStart: Int32Array;
  slotT: Float64Array;
  slotState: Uint8Array;
  slotEntity: Int32Array;
  slotCursor: Int32Array;
  /** Breakdowns of block b: pairs (down, up) in brokenT[brokenStart[b] .. brokenStart[b+1]-1]. */
  brokenStart: Int32Array;
  brokenT: Float64Array;
  /** Patients waiting in each block's line over time. */
  queues: QueueCounts;
}

/** Buffers a frame is written into; sized once for `maxAlive` entities. */
export interface EntityFrame {
  count: number;
  ids: Int32Array;
  /** x, z per visible entity. */
  positions: Float32Array;
  lying: Uint8Array;
  colours: Float32Array;
}

export function createEntityFrame(capacity: number): EntityFrame {
  const n = Math.max(1, capacity);
  return { count: 0, ids: new Int32Array(n), positions: new Float32Array(n * 2), lying: new Uint8Array(n), colours: new Float32Array(n * 3) };
}
