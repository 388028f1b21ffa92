/**
 * Replication results as they cross from a worker thread to the pool: the
 * figures of a chunk's replications as one Float64Array (transferred, not
 * copied), row after row in the order of a list of figure names that a worker
 * sends once. A general-hospital replication has about 1,460 figures; as an
 * object each took a structured clone on both sides and a dictionary of boxed
 * numbers in the main thread's heap, work the main thread did while the
 * workers had every core. The values are the same doubles, bit for bit.
 */
import type { ReplicationResult } from './run-replications.js';

/** A chunk's figures in one buffer: row i is replication `replications[i]`, in the order of list `namesId`. */
export interface PackedRows {
  replications: number[];
  events: number[];
  patients: number[];
  /** The worker's number for the list of figure names the rows follow. */
  namesId: number;
  /** The names themselves, the first time this worker sends list `namesId`. */
  names?: string[];
  values: Float64Array;
}

/** What a worker keeps to pack rows: each list of figure names it has sent, by model. */
export class FigureNameLists {
  private nextId = 1;
  private readonly byModel = new WeakMap<object, { id: number; names: string[] }>();

  /**
   * Packs the rows whose figures follow the model's list (made from the first
   * row if it has none or the first row differs); the others are returned
   * as they are.
   */
  pack(model: object, results: readonly ReplicationResult[]): { packed?: PackedRows; rest: ReplicationResult[] } {
    const rest: ReplicationResult[] = [];
    const rows = results.filter((r) => r.forecast === undefined);
    if (rows.length === 0) return { rest: [...results] };
    let list = this.byModel.get(model);
    let fresh = false;
    if (!list || !follows(rows[0]!.figures, list.names)) {
      list = { id: this.nextId++, names: Object.keys(rows[0]!.figures) };
      this.byModel.set(model, list);
      fresh = true;
    }
    const width = list.names.length;
    const names = list.names;
    const fitting = rows.filter((r) => follows(r.figures, names));
    const values = new Float64Array(fitting.length * width);
    const packed: PackedRows = { replications: [], events: [], patients: [], namesId: list.id, values };
    if (fresh) packed.names = list.names;
    let at = 0;
    for (const r of fitting) {
      for (const name of names) values[at++] = r.figures[name]!;
      packed.replications.push(r.replication);
      packed.events.push(r.events);
      packed.patients.push(r.patients);
    }
    const inRows = new Set(fitting);
    for (const r of results) if (!inRows.has(r)) rest.push(r);
    return { packed, rest };
  }
}

/** True when the figures are numbers with exactly these names, in this order. */
function follows(figures: Record<string, number>, names: readonly string[]): boolean {
  let i = 0;
  for (const name in figures) {
    if (!Object.hasOwn(figures, name)) return false;
    if (names[i] !== name || typeof figures[name] !== 'number') return false;
    i++;
  }
  return i === names.length;
}

/** Where a result unpacked by `unpackRows` keeps its figures until someone reads them. */
interface Packed {
  names: readonly string[];
  values: Float64Array;
  offset: number;
}
const packedOf = new WeakMap<ReplicationResult, Packed>();

/**
 * The rows as replication results. Each result's `figures` object is made on
 * first reading (from the same doubles, names in the same order), so a caller
 * that only sums figures up (`figureColumns`) never makes 1,460 boxed numbers
 * per replication.
 */
export function unpackRows(packed: PackedRows, names: readonly string[]): ReplicationResult[] {
  const width = names.length;
  if (packed.values.length !== width * packed.replications.length) {
    throw new Error(`packed results: ${packed.values.length} values for ${packed.replications.length} replications of ${width} figures`);
  }
  return packed.replications.map((replication, i) => {
    let figures: Record<string, number> | undefined;
    const result: ReplicationResult = {
      replication,
      get figures(): Record<string, number> {
        if (figures === undefined) {
          // Once made, the object is what the result holds (a caller may change it): columns are no longer read.
          packedOf.delete(result);
          figures = {};
          const offset = i * width;
          for (let j = 0; j < width; j++) {
            const name = names[j]!;
            // An id "__proto__" is data here, as in the worker's object (an assignment would set the prototype).
            if (name === '__proto__')
              Object.defineProperty(figures, name, { value: packed.values[offset + j]!, enumerable: true, writable: true, configurable: true });
            else figures[name] = packed.values[offset + j]!;
          }
        }
        return figures;
      },
      set figures(value: Record<string, number>) {
        figures = value;
        packedOf.delete(result);
      },
      events: packed.events[i]!,
      patients: packed.patients[i]!,
    };
    packedOf.set(result, { names, values: packed.values, offset: i * width });
    return result;
  });
}

/**
 * The figures of every result as columns, when all were unpacked with one list
 * of names: `value(row, column)` reads the double itself. Undefined otherwise
 * (then read `figures`).
 */
export function figureColumns(results: readonly ReplicationResult[]): { names: readonly string[]; value: (row: number, column: number) => number } | undefined {
  const packs: Packed[] = [];
  // Each worker sends its own list: lists equal name for name are one list.
  const same = new Set<readonly string[]>();
  for (const r of results) {
    const p = packedOf.get(r);
    if (!p) return undefined;
    if (packs.length > 0 && p.names !== packs[0]!.names && !same.has(p.names)) {
      if (!sameNames(p.names, packs[0]!.names)) return undefined;
      same.add(p.names);
    }
    packs.push(p);
  }
  if (packs.length === 0) return undefined;
  return { names: packs[0]!.names, value: (row, column) => packs[row]!.values[packs[row]!.offset + column]! };
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
