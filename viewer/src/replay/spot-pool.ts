/** Numbered spots in a waiting line: take the lowest free one, give it back later. A binary min-heap of free numbers. */
export class SpotPool {
  private readonly free: number[] = [];
  private next = 0;

  take(): number {
    const heap = this.free;
    if (heap.length === 0) return this.next++;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]! < (m === i ? last : heap[m]!)) m = l;
        if (r < heap.length && heap[r]! < (m === i ? last : heap[m]!)) m = r;
        if (m === i) break;
        heap[i] = heap[m]!;
        i = m;
      }
      heap[i] = last;
    }
    return top;
  }

  give(spot: number): void {
    const heap = this.free;
    let i = heap.length;
    heap.push(spot);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p]! <= spot) break;
      heap[i] = heap[p]!;
      i = p;
    }
    heap[i] = spot;
  }
}
