/**
 * The event calendar: a binary heap of pending events ordered by
 * (time, priority, insertion sequence), so that ties are broken the same way on
 * every run. Events live in a pool of typed arrays and the heap holds pool slots,
 * so scheduling and popping allocate nothing once the pool has grown.
 *
 * The heap keeps each entry's sort key beside its slot, in heap order: the time,
 * and priority and sequence packed into one exact double. A sift step then reads
 * two neighbouring numbers instead of following a slot into three scattered
 * arrays, which is most of what a deep calendar (a thousand pending events)
 * costs.
 *
 * Events due at the instant being run (a grant delivered at once, any delay of
 * 0) mostly go to a short FIFO lane instead of the heap, kept in (priority,
 * sequence) order: they cost no sift, and the lane holds their fields itself,
 * so they take no pool slot either (a cancellable event always goes to the
 * heap, whose slots carry the marks `cancel` checks). Each pop takes the
 * earlier of the lane's head and the heap's root, so the order is the same as
 * with the heap alone.
 *
 * An event is (kind, entity, arg): `kind` names a handler registered with the
 * simulation, `entity` and `arg` are two 32-bit integers it receives. Cancelling marks
 * the slot; a cancelled event is dropped when it reaches the top of the heap.
 */

/** Handle of a scheduled event, for `cancel`. Encodes the pool slot and the event's sequence. */
export type EventHandle = number;

const SEQ_SPAN = 4294967296; // 2^32: handle = slot * 2^32 + (seq mod 2^32), the mod taken as `seq >>> 0` (a double % is a slow library call)
/** Tie key = priority * 2^36 + sequence: exact in a double for |priority| < 2^15 and sequence < 2^36. */
const PRIORITY_SCALE = 68719476736; // 2^36
const LIVE = 1;
const CANCELLED = 2;

export class EventCalendar {
  // The pool, by slot: what the event does and whether it is still pending.
  private kind: Int32Array;
  private entity: Int32Array;
  private arg: Int32Array;
  private seq: Float64Array;
  private live: Uint8Array;
  private freeSlots: Int32Array;
  // The heap, by position: sort keys beside the slot they belong to.
  private heapTime: Float64Array;
  private heapKey: Float64Array;
  private heapSlot: Int32Array;
  // The lane: events all due at `laneTime`, in key order, from laneHead to laneTail.
  private laneKind = new Int32Array(16);
  private laneEntity = new Int32Array(16);
  private laneArg = new Int32Array(16);
  private laneKey = new Float64Array(16);
  private laneHead = 0;
  private laneTail = 0;
  private laneTime = 0;
  private freeCount = 0;
  private used = 0;
  private heapSize = 0;
  private nextSeq = 0;
  /** Cancelled events still in the heap (the lane holds none). */
  private cancelledInHeap = 0;

  /** Fields of the event last returned by `pop`. */
  poppedTime = 0;
  poppedKind = 0;
  poppedEntity = 0;
  poppedArg = 0;
  /** Priority and sequence of the event last popped, as one key (see PRIORITY_SCALE). */
  private poppedKey = 0;

  /** Priority of the event last returned by `pop` (from its key: one array fewer to write per event). */
  get poppedPriority(): number {
    return Math.floor(this.poppedKey / PRIORITY_SCALE);
  }

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.kind = new Int32Array(n);
    this.entity = new Int32Array(n);
    this.arg = new Int32Array(n);
    this.seq = new Float64Array(n);
    this.live = new Uint8Array(n);
    this.freeSlots = new Int32Array(n);
    this.heapTime = new Float64Array(n);
    this.heapKey = new Float64Array(n);
    this.heapSlot = new Int32Array(n);
  }

  /** Number of pending (not cancelled) events. */
  get size(): number {
    return this.heapSize + this.laneTail - this.laneHead - this.cancelledInHeap;
  }

  /** Time of the earliest pending event, or Infinity when none is left. */
  peekTime(): number {
    if (this.cancelledInHeap > 0) this.dropCancelledTop();
    if (this.laneHead < this.laneTail) return this.laneFirst() ? this.laneTime : this.heapTime[0]!;
    return this.heapSize === 0 ? Infinity : this.heapTime[0]!;
  }

  /**
   * Adds an event. `priority` must be an integer in [-32768, 32767] (the
   * named priorities are 0 to 9).
   */
  schedule(time: number, priority: number, kind: number, entity: number, arg: number): EventHandle {
    const seq = this.nextSeq;
    const slot = this.toHeap(time, this.keyFor(priority, entity, arg), kind, entity, arg);
    // Only a cancellable event is marked live with its sequence: `cancel` checks
    // both, and a slot reused by an event added without a handle stays unmarked.
    this.seq[slot] = seq;
    this.live[slot] = LIVE;
    return slot * SEQ_SPAN + (seq >>> 0);
  }

  /**
   * Adds an event as `schedule` does, returning no handle: a handle exceeds
   * V8's small integers, and returning one boxes it on the heap, an allocation
   * per event (measured: a scavenge every ~40,000 events).
   */
  add(time: number, priority: number, kind: number, entity: number, arg: number): void {
    if (time === this.poppedTime) this.addAtPopped(priority, kind, entity, arg);
    else this.toHeap(time, this.keyFor(priority, entity, arg), kind, entity, arg);
  }

  /**
   * `add` at the time of the event last popped (a grant delivered at once):
   * into the lane when it comes after the lane's tail (it almost always does),
   * else into the heap. Takes no time argument, so a call V8 does not inline
   * boxes no double.
   */
  addAtPopped(priority: number, kind: number, entity: number, arg: number): void {
    const key = this.keyFor(priority, entity, arg);
    if (this.laneHead === this.laneTail) {
      this.laneHead = this.laneTail = 0;
      this.laneTime = this.poppedTime;
    } else if (this.laneTime !== this.poppedTime || key < this.laneKey[this.laneTail - 1]!) {
      this.toHeap(this.poppedTime, key, kind, entity, arg);
      return;
    } else if (this.laneTail === this.laneKind.length) {
      this.makeLaneRoom();
    }
    const at = this.laneTail++;
    this.laneKind[at] = kind;
    this.laneEntity[at] = entity;
    this.laneArg[at] = arg;
    this.laneKey[at] = key;
  }

  /**
   * The next sequence number, with the priority, as one tie key (see
   * PRIORITY_SCALE). Checks the event's integers first: they are kept as 32-bit
   * integers (a handler then receives them as V8's small integers, not as
   * doubles it must box), so anything else is refused rather than cut short.
   */
  private keyFor(priority: number, entity: number, arg: number): number {
    const s = this.nextSeq;
    if ((priority << 16) >> 16 !== priority || (entity | 0) !== entity || (arg | 0) !== arg || s >= PRIORITY_SCALE) refuseEvent(priority, entity, arg);
    this.nextSeq = s + 1;
    return priority * PRIORITY_SCALE + s;
  }

  /** Puts an event into a pool slot and the heap; returns the slot. */
  private toHeap(time: number, key: number, kind: number, entity: number, arg: number): number {
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.newSlot();
    this.kind[slot] = kind;
    this.entity[slot] = entity;
    this.arg[slot] = arg;
    const pos = this.heapSize++;
    this.heapTime[pos] = time;
    this.heapKey[pos] = key;
    this.heapSlot[pos] = slot;
    this.siftUp(pos);
    return slot;
  }

  /** Cancels a pending event. Returns false if it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean {
    const slot = Math.floor(handle / SEQ_SPAN);
    if (slot >= this.used || this.live[slot] !== LIVE) return false;
    if (this.seq[slot]! >>> 0 !== handle - slot * SEQ_SPAN) return false;
    this.live[slot] = CANCELLED; // still in the heap
    this.cancelledInHeap++;
    return true;
  }

  /** Removes the earliest pending event into the `popped*` fields. Returns false if none. */
  pop(): boolean {
    return this.popUntil(Infinity);
  }

  /**
   * Removes the earliest pending event into the `popped*` fields if it is due
   * at or before `until`. Returns false (and leaves it) otherwise, or if none.
   */
  popUntil(until: number): boolean {
    if (this.cancelledInHeap > 0) this.dropCancelledTop();
    if (this.laneHead < this.laneTail && this.laneFirst()) {
      const time = this.laneTime;
      if (time > until) return false;
      const at = this.laneHead++;
      this.poppedKey = this.laneKey[at]!;
      this.poppedTime = time;
      this.poppedKind = this.laneKind[at]!;
      this.poppedEntity = this.laneEntity[at]!;
      this.poppedArg = this.laneArg[at]!;
      return true;
    }
    if (this.heapSize === 0) return false;
    const time = this.heapTime[0]!;
    if (time > until) return false;
    this.poppedKey = this.heapKey[0]!;
    const slot = this.removeTop();
    this.poppedTime = time;
    this.poppedKind = this.kind[slot]!;
    this.poppedEntity = this.entity[slot]!;
    this.poppedArg = this.arg[slot]!;
    this.live[slot] = 0;
    this.freeSlots[this.freeCount++] = slot;
    return true;
  }

  /** Removes cancelled events from the front until the next one is live (the lane holds none). */
  private dropCancelledTop(): void {
    while (this.heapSize > 0 && this.live[this.heapSlot[0]!] === CANCELLED) {
      if (this.laneHead < this.laneTail && this.laneFirst()) return;
      const slot = this.removeTop();
      this.live[slot] = 0;
      this.freeSlots[this.freeCount++] = slot;
      this.cancelledInHeap--;
    }
  }

  /** Whether the lane's head comes before the heap's root (the lane is not empty). */
  private laneFirst(): boolean {
    if (this.heapSize === 0) return true;
    const t = this.heapTime[0]!;
    return this.laneTime < t || (this.laneTime === t && this.laneKey[this.laneHead]! < this.heapKey[0]!);
  }

  /** The lane's tail reached the end: move the live part to the front, or double the arrays when over half full. */
  private makeLaneRoom(): void {
    const n = this.laneTail - this.laneHead;
    if (n * 2 > this.laneKind.length) {
      const size = this.laneKind.length * 2;
      this.laneKind = copyInto(new Int32Array(size), this.laneKind);
      this.laneEntity = copyInto(new Int32Array(size), this.laneEntity);
      this.laneArg = copyInto(new Int32Array(size), this.laneArg);
      this.laneKey = copyInto(new Float64Array(size), this.laneKey);
    } else {
      this.laneKind.copyWithin(0, this.laneHead, this.laneTail);
      this.laneEntity.copyWithin(0, this.laneHead, this.laneTail);
      this.laneArg.copyWithin(0, this.laneHead, this.laneTail);
      this.laneKey.copyWithin(0, this.laneHead, this.laneTail);
      this.laneHead = 0;
      this.laneTail = n;
    }
  }

  /** Takes the root out of the heap and returns its slot. */
  private removeTop(): number {
    const top = this.heapSlot[0]!;
    const last = --this.heapSize;
    if (last > 0) this.siftDownFrom(last);
    return top;
  }

  // The sifts take positions, not the (time, key) being placed: a double passed
  // to a function V8 does not inline is boxed on the heap, an allocation per
  // event. They read the entry from the heap's arrays instead.

  /** Moves the entry at `pos` up until its parent comes before it. */
  private siftUp(pos: number): void {
    const times = this.heapTime;
    const keys = this.heapKey;
    const slots = this.heapSlot;
    const time = times[pos]!;
    const key = keys[pos]!;
    const slot = slots[pos]!;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && keys[parent]! < key)) break;
      times[pos] = pt;
      keys[pos] = keys[parent]!;
      slots[pos] = slots[parent]!;
      pos = parent;
    }
    times[pos] = time;
    keys[pos] = key;
    slots[pos] = slot;
  }

  /** Moves the entry at position `from` (just past the heap's end) into the root's hole and down until it fits. */
  private siftDownFrom(from: number): void {
    const times = this.heapTime;
    const keys = this.heapKey;
    const slots = this.heapSlot;
    const time = times[from]!;
    const key = keys[from]!;
    const slot = slots[from]!;
    const n = this.heapSize;
    let pos = 0;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      let ct = times[child]!;
      let ck = keys[child]!;
      const right = child + 1;
      if (right < n) {
        const rt = times[right]!;
        if (rt < ct || (rt === ct && keys[right]! < ck)) {
          child = right;
          ct = rt;
          ck = keys[right]!;
        }
      }
      if (time < ct || (time === ct && key < ck)) break;
      times[pos] = ct;
      keys[pos] = ck;
      slots[pos] = slots[child]!;
      pos = child;
    }
    times[pos] = time;
    keys[pos] = key;
    slots[pos] = slot;
  }

  private newSlot(): number {
    if (this.used === this.kind.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    this.kind = copyInto(new Int32Array(n), this.kind);
    this.entity = copyInto(new Int32Array(n), this.entity);
    this.arg = copyInto(new Int32Array(n), this.arg);
    this.seq = copyInto(new Float64Array(n), this.seq);
    this.live = copyInto(new Uint8Array(n), this.live);
    this.freeSlots = copyInto(new Int32Array(n), this.freeSlots);
    this.heapTime = copyInto(new Float64Array(n), this.heapTime);
    this.heapKey = copyInto(new Float64Array(n), this.heapKey);
    this.heapSlot = copyInto(new Int32Array(n), this.heapSlot);
  }
}

/** The error `keyFor` found, kept out of the hot path's code. */
function refuseEvent(priority: number, entity: number, arg: number): never {
  if ((priority << 16) >> 16 !== priority) throw new Error(`schedule: priority must be an integer in [-32768, 32767], got ${priority}`);
  if ((entity | 0) !== entity) throw new Error(`schedule: entity must be an integer in [-2147483648, 2147483647], got ${entity}`);
  if ((arg | 0) !== arg) throw new Error(`schedule: arg must be an integer in [-2147483648, 2147483647], got ${arg}`);
  throw new Error('schedule: more than 2^36 events scheduled in one calendar');
}

function copyInto<T extends Float64Array | Int32Array | Uint8Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
