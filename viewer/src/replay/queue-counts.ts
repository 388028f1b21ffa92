/**
 * How many patients wait in each resource's line at any moment: for the
 * counts drawn over the queues in the scene. A patient waits from its request
 * of a resource until it gets it (or, for a ward, a bed in any ward: an
 * outlier), asks for something else, gives up (a branch of its split), or leaves.
 */
import type { TraceData } from '../../../sim-core/index.js';
import { readTrace } from '../../../workers/index.js';
import type { HospitalLayout } from '../layout/types.js';

export interface QueueCounts {
  /** Changes of block b: t[start[b] .. start[b+1]-1] with the count from then on. */
  start: Int32Array;
  t: Float64Array;
  n: Int32Array;
}

export function queueCounts(trace: TraceData, layout: HospitalLayout): QueueCounts {
  const blockOf = trace.whereNames.map((name) => layout.blockOf.get(name) ?? -1);
  // A patient waiting for its own ward who gets a bed in another (an outlier) leaves the line it stood in.
  const isWard = layout.blocks.map((b) => b.bed);
  const blocks = layout.blocks.length;
  const changes: number[][] = Array.from({ length: blocks }, () => []);
  const count = new Int32Array(blocks);
  const pending = new Map<number, number>();
  const change = (b: number, t: number, d: number): void => {
    count[b]! += d;
    const list = changes[b]!;
    // Several changes at one instant: keep the last count only.
    if (list.length >= 2 && list[list.length - 2] === t) list[list.length - 1] = count[b]!;
    else list.push(t, count[b]!);
  };
  const drop = (e: number, t: number): void => {
    const b = pending.get(e);
    if (b === undefined) return;
    pending.delete(e);
    change(b, t, -1);
  };
  readTrace(trace, (event) => {
    const e = event.patient;
    if (e < 0) return;
    const t = event.time;
    // A branch of its split that gave up (or was turned away) leaves the line too, though the patient stays.
    if (event.kind === 'left' || event.kind === 'branchEnded') drop(e, t);
    else if (event.kind === 'requested' || event.kind === 'seized') {
      const b = blockOf[event.place]!;
      if (b < 0) return;
      if (event.kind === 'requested') {
        drop(e, t);
        pending.set(e, b);
        change(b, t, 1);
      } else if (pending.get(e) === b || (isWard[b] && isWard[pending.get(e) ?? -1])) drop(e, t);
    }
  });
  const start = new Int32Array(blocks + 1);
  for (let b = 0; b < blocks; b++) start[b + 1] = start[b]! + changes[b]!.length / 2;
  const t = new Float64Array(start[blocks]!);
  const n = new Int32Array(start[blocks]!);
  for (let b = 0; b < blocks; b++) {
    const list = changes[b]!;
    for (let k = 0; k < list.length / 2; k++) {
      t[start[b]! + k] = list[2 * k]!;
      n[start[b]! + k] = list[2 * k + 1]!;
    }
  }
  return { start, t, n };
}

/** Patients in block b's line at time `time` (binary search over its changes). */
export function queueCountAt(q: QueueCounts, b: number, time: number): number {
  let lo = q.start[b]!;
  let hi = q.start[b + 1]! - 1;
  if (hi < lo || q.t[lo]! > time) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (q.t[mid]! <= time) lo = mid;
    else hi = mid - 1;
  }
  return q.n[lo]!;
}
