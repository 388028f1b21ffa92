import { describe, expect, it } from 'vitest';
import { summariseReplications } from '../sim-core/index.js';
import { figureColumns, FigureNameLists, unpackRows } from './packed-results.js';
import { summariseResults } from './job-summary.js';
import type { ReplicationResult } from './run-replications.js';

const row = (replication: number, figures: Record<string, number>): ReplicationResult => ({
  replication,
  figures,
  events: 10 * replication,
  patients: replication,
});

/** What the pool does with a chunk: pack in the worker, copy across as a structured clone would, unpack. */
function throughWorker(lists: FigureNameLists, model: object, results: ReplicationResult[], names: Map<number, string[]>): ReplicationResult[] {
  const { packed, rest } = lists.pack(model, results);
  if (!packed) return rest;
  const copy = structuredClone(packed);
  if (copy.names) names.set(copy.namesId, copy.names);
  return [...unpackRows(copy, names.get(copy.namesId)!), ...rest].sort((a, b) => a.replication - b.replication);
}

describe('packed replication results', () => {
  it('give back every figure to the bit, names in their order (NaN, -0, infinities, a "__proto__" id)', () => {
    const odd = { 'ed.wait.mean': Number.NaN, zero: -0, up: Infinity, down: -Infinity, tiny: 5e-324, __proto__x: 1.1 };
    const withProto = JSON.parse('{"a": 0.1, "__proto__": 7, "b": 0.30000000000000004}') as Record<string, number>;
    for (const figures of [odd, withProto]) {
      const results = [row(3, figures), row(4, { ...figures })];
      const back = throughWorker(new FigureNameLists(), {}, results, new Map());
      expect(back.map((r) => r.replication)).toEqual([3, 4]);
      for (const r of back) {
        expect(Object.keys(r.figures)).toEqual(Object.keys(figures));
        for (const [id, v] of Object.entries(figures)) expect(Object.is(r.figures[id], v), id).toBe(true);
        expect(r.events).toBe(10 * r.replication);
        expect(r.patients).toBe(r.replication);
      }
      expect(JSON.stringify(back)).toBe(JSON.stringify(results));
    }
  });

  it('send a list of names once per worker, and rows that do not follow it as they are', () => {
    const lists = new FigureNameLists();
    const model = {};
    const first = lists.pack(model, [row(1, { a: 1, b: 2 }), row(2, { b: 2, a: 1 }), row(3, { a: 5 })]);
    expect(first.packed?.names).toEqual(['a', 'b']);
    expect(first.packed?.replications).toEqual([1]);
    expect(first.rest.map((r) => r.replication)).toEqual([2, 3]);
    const second = lists.pack(model, [row(4, { a: 3, b: 4 })]);
    expect(second.packed?.names).toBeUndefined();
    expect(second.packed?.namesId).toBe(first.packed?.namesId);
    expect(Array.from(second.packed!.values)).toEqual([3, 4]);
  });

  it("sum up from the columns exactly as from the objects, across two workers' lists", () => {
    const figures = (i: number): Record<string, number> => ({ wait: 10 + i * 0.1, none: Number.NaN, sometimes: i % 2 ? i : Number.NaN });
    const all = Array.from({ length: 9 }, (_, i) => row(i + 1, figures(i)));
    const namesA = new Map<number, string[]>();
    const namesB = new Map<number, string[]>();
    const a = throughWorker(new FigureNameLists(), {}, all.slice(0, 5), namesA);
    const b = throughWorker(new FigureNameLists(), {}, all.slice(5), namesB);
    const results = [...a, ...b];
    expect(figureColumns(results)?.names).toEqual(['wait', 'none', 'sometimes']);
    expect(summariseResults(results)).toEqual(summariseReplications(all.map((r) => r.figures)));
    // Once a result's figures are read as an object (and might be changed), the columns are not used for it.
    results[0]!.figures.wait = 99;
    expect(figureColumns(results)).toBeUndefined();
    expect(summariseResults(results).wait!.mean).toBe(summariseReplications(results.map((r) => r.figures)).wait!.mean);
  });
});
