/**
 * Claims waiting for a resource, kept in service order: higher priority first,
 * then first come first served (by claim sequence). Most inserts land at the
 * tail and most removals at the head, so both are O(1) in the usual case.
 */
export class WaitingList {
  private items: number[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  /** The i-th waiting claim in service order. */
  at(i: number): number {
    return this.items[this.head + i]!;
  }

  /** Inserts `claim` after every claim of equal or higher priority. */
  insert(claim: number, priority: number, priorityOf: (claim: number) => number): void {
    const items = this.items;
    let pos = items.length;
    while (pos > this.head && priorityOf(items[pos - 1]!) < priority) pos--;
    if (pos === items.length) items.push(claim);
    else items.splice(pos, 0, claim);
  }

  /** Removes `claim`; returns false if it is not waiting here. */
  remove(claim: number): boolean {
    const items = this.items;
    if (items[this.head] === claim) {
      this.head++;
      if (this.head > 64 && this.head * 2 > items.length) {
        items.splice(0, this.head);
        this.head = 0;
      }
      return true;
    }
    const pos = items.indexOf(claim, this.head);
    if (pos < 0) return false;
    items.splice(pos, 1);
    return true;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
