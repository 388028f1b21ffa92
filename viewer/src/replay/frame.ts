/**
 * The hot path: where every patient on screen is at time t, and what colour
 * every slot is. Called once a frame; allocates nothing.
 */
import { unitsOpen } from '../layout/hospital-layout.js';
import { SLOT_RGB } from './colours.js';
import { SLOT_BROKEN, SLOT_BUSY, SLOT_CLOSED, SLOT_FREE, type EntityFrame, type Replay } from './types.js';

/** Fills `frame` with the entities alive at t; returns how many. */
export function fillEntityFrame(r: Replay, t: number, frame: EntityFrame): number {
  frame.count = 0;
  const cp = Math.max(0, Math.min(r.cpFirstNew.length - 1, Math.floor(t / r.checkpointEvery)));
  for (let i = r.cpStart[cp]!, end = r.cpStart[cp + 1]!; i < end; i++) place(r, r.cpIds[i]!, t, frame);
  const last = upperBound(r.appearSorted, t);
  for (let i = r.cpFirstNew[cp]!; i < last; i++) place(r, r.order[i]!, t, frame);
  return frame.count;
}

function place(r: Replay, e: number, t: number, frame: EntityFrame): void {
  if (t < r.appear[e]! || t > r.vanish[e]!) return;
  const first = r.kfStart[e]!;
  const last = r.kfStart[e + 1]! - 1;
  if (last < first) return;
  const kfT = r.kfT;
  let k = r.cursor[e]!;
  if (k < first || k > last || kfT[k]! > t) {
    // Backwards (a scrub) or first use: binary search for the last keyframe at or before t.
    let lo = first;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (kfT[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    k = lo;
  } else {
    while (k < last && kfT[k + 1]! <= t) k++;
  }
  r.cursor[e] = k;
  const n = frame.count;
  if (n >= frame.ids.length) return;
  let x = r.kfX[k]!;
  let z = r.kfZ[k]!;
  if (k < last) {
    const t0 = kfT[k]!;
    const t1 = kfT[k + 1]!;
    if (t1 > t0) {
      const f = (t - t0) / (t1 - t0);
      x += (r.kfX[k + 1]! - x) * f;
      z += (r.kfZ[k + 1]! - z) * f;
    }
  }
  frame.ids[n] = e;
  frame.positions[n * 2] = x;
  frame.positions[n * 2 + 1] = z;
  frame.lying[n] = r.kfLying[k]!;
  frame.colours[n * 3] = r.entityColour[e * 3]!;
  frame.colours[n * 3 + 1] = r.entityColour[e * 3 + 1]!;
  frame.colours[n * 3 + 2] = r.entityColour[e * 3 + 2]!;
  frame.count = n + 1;
}

/** First index with a[i] > t. */
function upperBound(a: Float64Array, t: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** State of slot s at t (SLOT_FREE ... SLOT_CLOSED). */
export function slotStateAt(r: Replay, s: number, t: number): number {
  const k = slotIndexAt(r, s, t);
  const state = r.slotState[k]!;
  const b = r.layout.slotBlock[s]!;
  const block = r.layout.blocks[b]!;
  if (state !== SLOT_BUSY && isBroken(r, b, t)) return SLOT_BROKEN;
  if (state === SLOT_FREE && s - block.firstSlot >= unitsOpen(r.layout, block, t)) return SLOT_CLOSED;
  return state;
}

/** The patient on slot s at t (busy or being cleaned after), or -1. */
export function slotHolderAt(r: Replay, s: number, t: number): number {
  return r.slotEntity[slotIndexAt(r, s, t)]!;
}

function slotIndexAt(r: Replay, s: number, t: number): number {
  const first = r.slotStart[s]!;
  const last = r.slotStart[s + 1]! - 1;
  let k = r.slotCursor[s]!;
  if (k < first || k > last || r.slotT[k]! > t) {
    let lo = first;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (r.slotT[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    k = lo;
  } else {
    while (k < last && r.slotT[k + 1]! <= t) k++;
  }
  r.slotCursor[s] = k;
  return k;
}

function isBroken(r: Replay, b: number, t: number): boolean {
  for (let i = r.brokenStart[b]!, end = r.brokenStart[b + 1]!; i < end; i += 2) {
    if (r.brokenT[i]! > t) return false;
    if (t < r.brokenT[i + 1]!) return true;
  }
  return false;
}

/** Colours (r, g, b per slot) and states of every slot at t. */
export function fillSlotFrame(r: Replay, t: number, colours: Float32Array, states: Uint8Array): void {
  for (let s = 0; s < r.layout.slotCount; s++) {
    const state = slotStateAt(r, s, t);
    states[s] = state;
    const rgb = SLOT_RGB[state]!;
    colours[s * 3] = rgb[0];
    colours[s * 3 + 1] = rgb[1];
    colours[s * 3 + 2] = rgb[2];
  }
}
