/**
 * The event trace: a compact, append-only record of what happened, for replay
 * and for determinism checks. Rows are (time, entity, what, where) held in typed
 * arrays; `what` and `where` are indices into name tables, so a trace of a year
 * crosses a thread boundary as a few transferable ArrayBuffers.
 *
 * The kernel only writes through the `TraceRecorder` interface; when tracing is
 * off the simulation holds `null` and a trace call costs one comparison.
 */
export interface TraceRecorder {
  record(time: number, entity: number, what: number, where: number): void;
  /** Index of an event name ("arrive", "seize", ...), added on first use. */
  code(name: string): number;
  /** Index of a place name (a resource, a step), added on first use. */
  place(name: string): number;
}

/** A trace as plain data: columns plus their name tables. */
export interface TraceData {
  length: number;
  time: Float64Array;
  entity: Int32Array;
  what: Int32Array;
  where: Int32Array;
  whatNames: string[];
  whereNames: string[];
}

export class TraceBuffer implements TraceRecorder {
  private time = new Float64Array(4096);
  private entity = new Int32Array(4096);
  private what = new Int32Array(4096);
  private where = new Int32Array(4096);
  private n = 0;
  private readonly whatNames: string[] = [];
  private readonly whereNames: string[] = [];
  private readonly whatIndex = new Map<string, number>();
  private readonly whereIndex = new Map<string, number>();

  get length(): number {
    return this.n;
  }

  record(time: number, entity: number, what: number, where: number): void {
    if (this.n === this.time.length) this.grow();
    const i = this.n++;
    this.time[i] = time;
    this.entity[i] = entity;
    this.what[i] = what;
    this.where[i] = where;
  }

  code(name: string): number {
    return intern(name, this.whatNames, this.whatIndex);
  }

  place(name: string): number {
    return intern(name, this.whereNames, this.whereIndex);
  }

  /** The rows recorded so far, trimmed to length (copies, safe to transfer). */
  toData(): TraceData {
    return {
      length: this.n,
      time: this.time.slice(0, this.n),
      entity: this.entity.slice(0, this.n),
      what: this.what.slice(0, this.n),
      where: this.where.slice(0, this.n),
      whatNames: [...this.whatNames],
      whereNames: [...this.whereNames],
    };
  }

  private grow(): void {
    const size = this.time.length * 2;
    const t = new Float64Array(size);
    t.set(this.time);
    this.time = t;
    const e = new Int32Array(size);
    e.set(this.entity);
    this.entity = e;
    const w = new Int32Array(size);
    w.set(this.what);
    this.what = w;
    const p = new Int32Array(size);
    p.set(this.where);
    this.where = p;
  }
}

function intern(name: string, names: string[], index: Map<string, number>): number {
  let i = index.get(name);
  if (i === undefined) {
    i = names.length;
    names.push(name);
    index.set(name, i);
  }
  return i;
}

/** Two traces are the same run if every row is equal, bit for bit. Returns the first differing row, or -1. */
export function firstTraceDifference(a: TraceData, b: TraceData): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (
      !Object.is(a.time[i], b.time[i]) ||
      a.entity[i] !== b.entity[i] ||
      a.whatNames[a.what[i]!] !== b.whatNames[b.what[i]!] ||
      a.whereNames[a.where[i]!] !== b.whereNames[b.where[i]!]
    ) {
      return i;
    }
  }
  return a.length === b.length ? -1 : n;
}
