/**
 * From a run's trace to a Replay: where each patient is at every moment, and
 * what each bed, room, device and staff station is doing.
 *
 * The trace names resources, not units, so units are assigned here: a patient
 * who seizes a ward takes its lowest free bed and keeps it until the release.
 * A room released into turnover shows as cleaning until the trace says its
 * turnover ended (older traces without that word: for its mean turnover time).
 * Where a patient is: on the place it seized last and still holds; else in the
 * line of what it asked for (a ward stay that may outly asks for its own ward
 * and may get a bed in another: that seize ends the wait too); a boarder (holding an ED place, waiting for a ward
 * bed) stays where it is, as do patients waiting for staff.
 */
import { queueCounts } from './queue-counts.js';
import type { TraceData } from '../../../sim-core/index.js';
import { EXIT_WORDS, TRACE_ATTRIBUTE_PREFIX, TRACE_BRANCH_END_PREFIX, TRACE_PLACED, TRACE_WORDS } from '../../../workers/index.js';
import { queueSpot } from '../layout/hospital-layout.js';
import type { HospitalLayout } from '../layout/types.js';
import { colourEntities } from './colours.js';
import { SpotPool } from './spot-pool.js';
import { buildKeyframes, STATION_STRIDE } from './keyframes.js';
import { SLOT_BUSY, SLOT_CLEANING, SLOT_FREE, type Replay } from './types.js';

export interface PrepareOptions {
  /** Simulated minutes covered by the run (warm-up + horizon); default: the last event. */
  endTime?: number;
  /** Simulated minutes a walk between places takes at most. */
  walkMinutes?: number;
  /** Spacing of the checkpoints that index who is alive. */
  checkpointEvery?: number;
}

export function prepareReplay(trace: TraceData, layout: HospitalLayout, options: PrepareOptions = {}): Replay {
  const walk = options.walkMinutes ?? 5;
  const n = entityCount(trace);
  const code = (name: string): number => trace.whatNames.indexOf(name);
  const ARRIVE = code(TRACE_WORDS.arrive);
  // A patient placed in the model before time 0 appears as one arriving then.
  const PLACED = code(TRACE_PLACED);
  const REQUEST = code(TRACE_WORDS.request);
  const SEIZE = code(TRACE_WORDS.seize);
  const RELEASE = code(TRACE_WORDS.release);
  const BREAKDOWN = code(TRACE_WORDS.breakdown);
  const REPAIR = code(TRACE_WORDS.repair);
  const TURNOVER_END = code(TRACE_WORDS.turnoverEnd);
  const isExit = new Uint8Array(trace.whatNames.length);
  for (const w of EXIT_WORDS) if (code(w) >= 0) isExit[code(w)] = 1;
  // A branch of a split that gave up (or was turned away): its wait ends, the patient stays.
  const isBranchEnd = Uint8Array.from(trace.whatNames, (w) => (w.startsWith(TRACE_BRANCH_END_PREFIX) ? 1 : 0));
  const acuityCode = trace.whatNames.findIndex((w) => w.toLowerCase() === `${TRACE_ATTRIBUTE_PREFIX}acuity`);
  const blockOfPlace = trace.whereNames.map((name) => layout.blockOf.get(name) ?? -1);

  const classNames: string[] = [];
  const classOfPlace = new Map<number, number>();
  const acuityValues: string[] = [];
  const acuityOfPlace = new Map<number, number>();
  const klass = new Int32Array(n).fill(-1);
  const acuity = new Int32Array(n).fill(-1);
  const appear = new Float64Array(n).fill(Infinity);
  const vanish = new Float64Array(n).fill(Infinity);

  // Per-entity state while reading the trace.
  const stations: number[][] = Array.from({ length: n }, () => []);
  const heldPlaces: number[][] = Array.from({ length: n }, () => []);
  const heldStaff: number[][] = Array.from({ length: n }, () => []);
  const pendingBlock = new Int32Array(n).fill(-1);
  const pendingSpot = new Int32Array(n).fill(-1);
  // Per-slot and per-block state.
  const holder = new Int32Array(layout.slotCount).fill(-1);
  const cleanUntil = new Float64Array(layout.slotCount).fill(-Infinity);
  /** The patient whose case a slot is being cleaned after; -1 for none. */
  const cleaningAfter = new Int32Array(layout.slotCount).fill(-1);
  const slotEvents: number[][] = Array.from({ length: layout.slotCount }, () => []);
  const queues = layout.blocks.map(() => new SpotPool());
  const breakdowns: number[][] = layout.blocks.map(() => []);
  const { entrance } = layout;

  const station = (e: number, t: number, x: number, z: number, lying: boolean, zone: number): void => {
    const s = stations[e]!;
    // Several moves at one instant: only the last counts (the first, the arrival, always stays).
    if (s.length > STATION_STRIDE && s[s.length - STATION_STRIDE] === t) s.length -= STATION_STRIDE;
    const k = s.length;
    if (k > 0 && s[k - 4] === x && s[k - 3] === z) return;
    s.push(t, x, z, lying ? 1 : 0, zone);
  };
  const zoneOfBlock = (b: number): number => layout.blocks[b]!.zone;
  const goToSlot = (e: number, t: number, slot: number): void => {
    const b = layout.slotBlock[slot]!;
    station(e, t, layout.slotX[slot]!, layout.slotZ[slot]!, layout.blocks[b]!.lying, zoneOfBlock(b));
  };
  const leaveQueue = (e: number): void => {
    const b = pendingBlock[e]!;
    if (b >= 0 && pendingSpot[e]! >= 0) queues[b]!.give(pendingSpot[e]!);
    pendingBlock[e] = -1;
    pendingSpot[e] = -1;
  };
  const slotEvent = (slot: number, t: number, state: number, e: number): void => {
    slotEvents[slot]!.push(t, state, e);
  };
  const takeSlot = (b: number, t: number, e: number): number => {
    const block = layout.blocks[b]!;
    let best = -1;
    for (let s = block.firstSlot; s < block.firstSlot + block.units; s++) {
      if (holder[s] !== -1) continue;
      if (cleanUntil[s]! <= t) {
        best = s;
        break;
      }
      if (best < 0 || cleanUntil[s]! < cleanUntil[best]!) best = s;
    }
    if (best < 0) return -1;
    if (cleanUntil[best]! > -Infinity) {
      slotEvent(best, Math.min(cleanUntil[best]!, t), SLOT_FREE, -1);
      cleanUntil[best] = -Infinity;
    }
    cleaningAfter[best] = -1;
    holder[best] = e;
    slotEvent(best, t, SLOT_BUSY, e);
    return best;
  };
  const freeSlot = (slot: number, t: number): void => {
    const block = layout.blocks[layout.slotBlock[slot]!]!;
    const e = holder[slot]!;
    holder[slot] = -1;
    if (block.cleaningMinutes > 0) {
      slotEvent(slot, t, SLOT_CLEANING, e);
      // Until the trace's turnover-end for this case, when it has that word.
      cleanUntil[slot] = TURNOVER_END >= 0 ? Infinity : t + block.cleaningMinutes;
      cleaningAfter[slot] = e;
    } else {
      slotEvent(slot, t, SLOT_FREE, -1);
    }
  };
  /** Back to the last place still held, if any. */
  const settle = (e: number, t: number): void => {
    const places = heldPlaces[e]!;
    if (places.length > 0) goToSlot(e, t, places[places.length - 1]!);
    else if (heldStaff[e]!.length > 0 && pendingBlock[e]! < 0) goToSlot(e, t, heldStaff[e]![heldStaff[e]!.length - 1]!);
  };

  let lastTime = 0;
  for (let i = 0; i < trace.length; i++) {
    const t = trace.time[i]!;
    const e = trace.entity[i]!;
    const what = trace.what[i]!;
    const where = trace.where[i]!;
    lastTime = t;
    if (e < 0) {
      const b = blockOfPlace[where]!;
      if (b >= 0 && (what === BREAKDOWN || what === REPAIR)) breakdowns[b]!.push(t);
      continue;
    }
    if (what === TURNOVER_END) {
      const b = blockOfPlace[where]!;
      if (b < 0) continue;
      const block = layout.blocks[b]!;
      for (let s = block.firstSlot; s < block.firstSlot + block.units; s++) {
        if (holder[s] !== -1 || cleaningAfter[s] !== e || !(cleanUntil[s]! > -Infinity)) continue;
        slotEvent(s, t, SLOT_FREE, -1);
        cleanUntil[s] = -Infinity;
        cleaningAfter[s] = -1;
        break;
      }
    } else if (what === ARRIVE || (what === PLACED && PLACED >= 0)) {
      let c = classOfPlace.get(where);
      if (c === undefined) {
        c = classNames.length;
        classNames.push(trace.whereNames[where]!);
        classOfPlace.set(where, c);
      }
      klass[e] = c;
      appear[e] = t;
      station(e, t, entrance.x, entrance.z, false, -1);
    } else if (what === acuityCode) {
      let v = acuityOfPlace.get(where);
      if (v === undefined) {
        v = acuityValues.length;
        acuityValues.push(trace.whereNames[where]!);
        acuityOfPlace.set(where, v);
      }
      acuity[e] = v;
    } else if (what === REQUEST) {
      const b = blockOfPlace[where]!;
      if (b < 0) continue;
      leaveQueue(e);
      pendingBlock[e] = b;
      const block = layout.blocks[b]!;
      const stays = heldPlaces[e]!.length > 0 && (block.station || block.bed);
      if (stays) continue;
      const k = queues[b]!.take();
      pendingSpot[e] = k;
      const p = queueSpot(block, k);
      station(e, t, p.x, p.z, false, block.zone);
    } else if (what === SEIZE) {
      const b = blockOfPlace[where]!;
      if (b < 0) continue;
      // A bed in another ward than the one asked for (an outlier) ends the wait for the first too.
      const pending = pendingBlock[e]!;
      if (pending === b || (pending >= 0 && layout.blocks[pending]!.bed && layout.blocks[b]!.bed)) leaveQueue(e);
      const slot = takeSlot(b, t, e);
      if (slot < 0) continue;
      if (layout.blocks[b]!.station) {
        heldStaff[e]!.push(slot);
        if (heldPlaces[e]!.length === 0 && pendingBlock[e]! < 0) goToSlot(e, t, slot);
      } else {
        heldPlaces[e]!.push(slot);
        goToSlot(e, t, slot);
      }
    } else if (what === RELEASE) {
      const b = blockOfPlace[where]!;
      if (b < 0) continue;
      const list = layout.blocks[b]!.station ? heldStaff[e]! : heldPlaces[e]!;
      const k = list.findIndex((s) => layout.slotBlock[s] === b);
      if (k < 0) continue;
      freeSlot(list[k]!, t);
      list.splice(k, 1);
      settle(e, t);
    } else if (isBranchEnd[what]) {
      leaveQueue(e);
      settle(e, t);
    } else if (isExit[what]) {
      leaveQueue(e);
      for (const s of heldPlaces[e]!) freeSlot(s, t);
      for (const s of heldStaff[e]!) freeSlot(s, t);
      heldPlaces[e]!.length = 0;
      heldStaff[e]!.length = 0;
      station(e, t, entrance.x, entrance.z, false, -1);
      vanish[e] = t + walk;
    }
  }
  const endTime = Math.max(options.endTime ?? 0, lastTime);
  // Rooms still in cleaning at the end come free when it is done.
  for (let s = 0; s < layout.slotCount; s++) {
    if (holder[s] === -1 && cleanUntil[s]! > -Infinity) slotEvent(s, Number.isFinite(cleanUntil[s]!) ? cleanUntil[s]! : endTime, SLOT_FREE, -1);
  }

  const kf = buildKeyframes(stations, { walk, corridor: layout.corridor, zoneSide: layout.zones.map((z) => z.side) });
  const slots = packSlots(slotEvents);
  const broken = packBreakdowns(breakdowns, endTime);
  const index = aliveIndex(appear, vanish, endTime, options.checkpointEvery ?? 720);

  const replay: Replay = {
    layout,
    endTime,
    entityCount: n,
    ...index,
    appear,
    vanish,
    ...kf,
    cursor: new Int32Array(n),
    klass,
    classNames,
    acuity,
    acuityValues: acuityValues,
    entityColour: new Float32Array(n * 3),
    ...slots,
    slotCursor: new Int32Array(layout.slotCount),
    ...broken,
    queues: queueCounts(trace, layout),
  };
  colourEntities(replay, replay.acuityValues.length > 0 ? 'acuity' : 'class');
  return replay;
}

function entityCount(trace: TraceData): number {
  let max = -1;
  for (let i = 0; i < trace.length; i++) if (trace.entity[i]! > max) max = trace.entity[i]!;
  return max + 1;
}

function packSlots(events: number[][]): Pick<Replay, 'slotStart' | 'slotT' | 'slotState' | 'slotEntity'> {
  const slotStart = new Int32Array(events.length + 1);
  // Every slot begins free at time -Infinity, so a lookup always finds an entry.
  for (let s = 0; s < events.length; s++) slotStart[s + 1] = slotStart[s]! + 1 + events[s]!.length / 3;
  const total = slotStart[events.length]!;
  const slotT = new Float64Array(total);
  const slotState = new Uint8Array(total);
  const slotEntity = new Int32Array(total);
  for (let s = 0; s < events.length; s++) {
    let k = slotStart[s]!;
    slotT[k] = -Infinity;
    slotState[k] = SLOT_FREE;
    slotEntity[k] = -1;
    const ev = events[s]!;
    for (let j = 0; j < ev.length; j += 3) {
      k++;
      slotT[k] = ev[j]!;
      slotState[k] = ev[j + 1]!;
      slotEntity[k] = ev[j + 2]!;
    }
  }
  return { slotStart, slotT, slotState, slotEntity };
}

/** Breakdown and repair times alternate; a breakdown still open at the end lasts to the end. */
function packBreakdowns(times: number[][], endTime: number): Pick<Replay, 'brokenStart' | 'brokenT'> {
  const brokenStart = new Int32Array(times.length + 1);
  const flat: number[] = [];
  times.forEach((list, b) => {
    const pairs = list.length % 2 === 1 ? [...list, Math.max(endTime, list[list.length - 1]!) + 1] : list;
    flat.push(...pairs);
    brokenStart[b + 1] = flat.length;
  });
  return { brokenStart, brokenT: Float64Array.from(flat) };
}

/** Who is alive at each checkpoint, so a frame looks only at entities that may be on screen. */
export function aliveIndex(
  appear: Float64Array,
  vanish: Float64Array,
  endTime: number,
  every: number,
): Pick<Replay, 'order' | 'appearSorted' | 'checkpointEvery' | 'cpStart' | 'cpIds' | 'cpFirstNew' | 'maxAlive'> {
  const n = appear.length;
  const ids: number[] = [];
  for (let e = 0; e < n; e++) if (appear[e]! < Infinity) ids.push(e);
  ids.sort((a, b) => appear[a]! - appear[b]! || a - b);
  const order = Int32Array.from(ids);
  const appearSorted = Float64Array.from(ids, (e) => appear[e]!);
  const checkpoints = Math.floor(endTime / every) + 1;
  const counts = new Int32Array(checkpoints + 1);
  for (const e of ids) {
    const [k0, k1] = checkpointRange(appear[e]!, vanish[e]!, every, checkpoints);
    for (let k = k0; k <= k1; k++) counts[k + 1]!++;
  }
  const cpStart = new Int32Array(checkpoints + 1);
  for (let k = 0; k < checkpoints; k++) cpStart[k + 1] = cpStart[k]! + counts[k + 1]!;
  const fill = cpStart.slice(0, checkpoints);
  const cpIds = new Int32Array(cpStart[checkpoints]!);
  for (const e of ids) {
    const [k0, k1] = checkpointRange(appear[e]!, vanish[e]!, every, checkpoints);
    for (let k = k0; k <= k1; k++) cpIds[fill[k]!++] = e;
  }
  const cpFirstNew = new Int32Array(checkpoints);
  let j = 0;
  for (let k = 0; k < checkpoints; k++) {
    while (j < n && j < appearSorted.length && appearSorted[j]! <= k * every) j++;
    cpFirstNew[k] = j;
  }
  return { order, appearSorted, checkpointEvery: every, cpStart, cpIds, cpFirstNew, maxAlive: maxConcurrent(appearSorted, vanish, order) };
}

function checkpointRange(a: number, v: number, every: number, checkpoints: number): [number, number] {
  return [Math.ceil(a / every), Math.min(checkpoints - 1, Math.floor(Math.min(v, 1e15) / every))];
}

function maxConcurrent(appearSorted: Float64Array, vanish: Float64Array, order: Int32Array): number {
  const ends = Float64Array.from(order, (e) => vanish[e]!).sort();
  let max = 0;
  let j = 0;
  for (let i = 0; i < appearSorted.length; i++) {
    while (j < ends.length && ends[j]! < appearSorted[i]!) j++;
    max = Math.max(max, i + 1 - j);
  }
  return max;
}
