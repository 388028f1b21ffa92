/**
 * Claims waiting for a resource, kept in service order: higher priority first,
 * then first come first served (by claim sequence). Most inserts land at the
 * tail and most removals at the head, so both are O(1) in the usual case.
 *
 * The claims and their priorities sit in typed arrays between `head` and
 * `tail`, so a busy queue allocates nothing once it has grown.
 */
export class WaitingList {
  private claims = new Int32Array(16);
  private priorities = new Float64Array(16);
  private head = 0;
  private tail = 0;

  get length(): number {
    return this.tail - this.head;
  }

  /** The i-th waiting claim in service order. */
  at(i: number): number {
    return this.claims[this.head + i]!;
  }

  /** Inserts `claim` after every claim of equal or higher priority. */
  insert(claim: number, priority: number): void {
    if (this.tail === this.claims.length) this.makeRoom();
    const claims = this.claims;
    const priorities = this.priorities;
    let pos = this.tail;
    while (pos > this.head && priorities[pos - 1]! < priority) pos--;
    if (pos < this.tail) {
      claims.copyWithin(pos + 1, pos, this.tail);
      priorities.copyWithin(pos + 1, pos, this.tail);
    }
    claims[pos] = claim;
    priorities[pos] = priority;
    this.tail++;
  }

  /** Removes `claim`; returns false if it is not waiting here. */
  remove(claim: number): boolean {
    const claims = this.claims;
    if (this.tail > this.head && claims[this.head] === claim) {
      this.head++;
      if (this.head === this.tail) this.head = this.tail = 0;
      return true;
    }
    for (let pos = this.head + 1; pos < this.tail; pos++) {
      if (claims[pos] !== claim) continue;
      claims.copyWithin(pos, pos + 1, this.tail);
      this.priorities.copyWithin(pos, pos + 1, this.tail);
      this.tail--;
      return true;
    }
    return false;
  }

  clear(): void {
    this.head = this.tail = 0;
  }

  /** The tail reached the end: move the live part to the front, or double the arrays when over half full. */
  private makeRoom(): void {
    const n = this.tail - this.head;
    if (n * 2 > this.claims.length) {
      const claims = new Int32Array(this.claims.length * 2);
      const priorities = new Float64Array(this.claims.length * 2);
      claims.set(this.claims.subarray(this.head, this.tail));
      priorities.set(this.priorities.subarray(this.head, this.tail));
      this.claims = claims;
      this.priorities = priorities;
    } else {
      this.claims.copyWithin(0, this.head, this.tail);
      this.priorities.copyWithin(0, this.head, this.tail);
    }
    this.head = 0;
    this.tail = n;
  }
}
