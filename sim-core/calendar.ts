/**
 * The event calendar: a binary heap of pending events ordered by
 * (time, priority, insertion sequence), so that ties are broken the same way on
 * every run. Events live in a pool of typed arrays and the heap holds pool slots,
 * so scheduling and popping allocate nothing once the pool has grown.
 *
 * An event is (kind, entity, arg): `kind` names a handler registered with the
 * simulation, `entity` and `arg` are two integers it receives. Cancelling marks
 * the slot; a cancelled event is dropped when it reaches the top of the heap.
 */

/** Handle of a scheduled event, for `cancel`. Encodes the pool slot and the event's sequence. */
export type EventHandle = number;

const SEQ_SPAN = 4294967296; // 2^32: handle = slot * 2^32 + (seq mod 2^32)

export class EventCalendar {
  private time: Float64Array;
  private prio: Int32Array;
  private seq: Float64Array;
  private kind: Int32Array;
  private entity: Int32Array;
  private arg: Float64Array;
  private live: Uint8Array;
  private heap: Int32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private used = 0;
  private heapSize = 0;
  private nextSeq = 0;
  private cancelledInHeap = 0;

  /** Fields of the event last returned by `pop`. */
  poppedTime = 0;
  poppedKind = 0;
  poppedEntity = 0;
  poppedArg = 0;
  poppedPriority = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.time = new Float64Array(n);
    this.prio = new Int32Array(n);
    this.seq = new Float64Array(n);
    this.kind = new Int32Array(n);
    this.entity = new Int32Array(n);
    this.arg = new Float64Array(n);
    this.live = new Uint8Array(n);
    this.heap = new Int32Array(n);
    this.freeSlots = new Int32Array(n);
  }

  /** Number of pending (not cancelled) events. */
  get size(): number {
    return this.heapSize - this.cancelledInHeap;
  }

  /** Time of the earliest pending event, or Infinity when none is left. */
  peekTime(): number {
    this.dropCancelledTop();
    return this.heapSize === 0 ? Infinity : this.time[this.heap[0]!]!;
  }

  schedule(time: number, priority: number, kind: number, entity: number, arg: number): EventHandle {
    const slot = this.allocSlot();
    const s = this.nextSeq++;
    this.time[slot] = time;
    this.prio[slot] = priority;
    this.seq[slot] = s;
    this.kind[slot] = kind;
    this.entity[slot] = entity;
    this.arg[slot] = arg;
    this.live[slot] = 1;
    this.siftUp(this.heapSize++, slot);
    return slot * SEQ_SPAN + (s % SEQ_SPAN);
  }

  /** Cancels a pending event. Returns false if it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean {
    const slot = Math.floor(handle / SEQ_SPAN);
    if (slot >= this.used || this.live[slot] !== 1) return false;
    if (this.seq[slot]! % SEQ_SPAN !== handle - slot * SEQ_SPAN) return false;
    this.live[slot] = 2; // cancelled, still in the heap
    this.cancelledInHeap++;
    return true;
  }

  /** Removes the earliest pending event into the `popped*` fields. Returns false if none. */
  pop(): boolean {
    this.dropCancelledTop();
    if (this.heapSize === 0) return false;
    const slot = this.removeTop();
    this.poppedTime = this.time[slot]!;
    this.poppedKind = this.kind[slot]!;
    this.poppedEntity = this.entity[slot]!;
    this.poppedArg = this.arg[slot]!;
    this.poppedPriority = this.prio[slot]!;
    this.live[slot] = 0;
    this.freeSlots[this.freeCount++] = slot;
    return true;
  }

  private dropCancelledTop(): void {
    while (this.heapSize > 0 && this.live[this.heap[0]!] === 2) {
      const slot = this.removeTop();
      this.live[slot] = 0;
      this.freeSlots[this.freeCount++] = slot;
      this.cancelledInHeap--;
    }
  }

  private removeTop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap[--this.heapSize]!;
    if (this.heapSize > 0) this.siftDown(0, last);
    return top;
  }

  /** a before b in (time, priority, sequence) order. */
  private before(a: number, b: number): boolean {
    const ta = this.time[a]!;
    const tb = this.time[b]!;
    if (ta !== tb) return ta < tb;
    const pa = this.prio[a]!;
    const pb = this.prio[b]!;
    if (pa !== pb) return pa < pb;
    return this.seq[a]! < this.seq[b]!;
  }

  private siftUp(pos: number, slot: number): void {
    const heap = this.heap;
    while (pos > 0) {
      const parentPos = (pos - 1) >> 1;
      const parent = heap[parentPos]!;
      if (!this.before(slot, parent)) break;
      heap[pos] = parent;
      pos = parentPos;
    }
    heap[pos] = slot;
  }

  private siftDown(pos: number, slot: number): void {
    const heap = this.heap;
    const n = this.heapSize;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.before(heap[right]!, heap[child]!)) child = right;
      if (!this.before(heap[child]!, slot)) break;
      heap[pos] = heap[child]!;
      pos = child;
    }
    heap[pos] = slot;
  }

  private allocSlot(): number {
    if (this.freeCount > 0) return this.freeSlots[--this.freeCount]!;
    if (this.used === this.time.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const n = this.time.length * 2;
    this.time = copyInto(new Float64Array(n), this.time);
    this.prio = copyInto(new Int32Array(n), this.prio);
    this.seq = copyInto(new Float64Array(n), this.seq);
    this.kind = copyInto(new Int32Array(n), this.kind);
    this.entity = copyInto(new Int32Array(n), this.entity);
    this.arg = copyInto(new Float64Array(n), this.arg);
    this.live = copyInto(new Uint8Array(n), this.live);
    this.heap = copyInto(new Int32Array(n), this.heap);
    this.freeSlots = copyInto(new Int32Array(n), this.freeSlots);
  }
}

function copyInto<T extends Float64Array | Int32Array | Uint8Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
