/**
 * The seeded mutation fuzz's shared parts, for every reader of a JSON or YAML
 * document (scenarios, states, FHIR, optimise and sweep specs): every path in a
 * real document, values a broken export or a hostile hand leaves behind, and
 * edits at a path (set, delete, duplicate) drawn by fast-check from a fixed seed.
 */
import fc from 'fast-check';

/** Cases per reader: 500 in `npm test`, more in `npm run fuzz` (nightly, FUZZ_RUNS=10000). */
export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);

/** The one seed every fuzz test draws from, so a failure is reproduced by running it again. */
export const FUZZ_SEED = 20261207;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

/** Every path in a document, the root first, depth first. */
export function allPaths(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPaths(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}

/** Values that break a reader somewhere, whatever the document: each reader's test adds its own names. */
export const HOSTILE_VALUES: readonly Json[] = [
  -1,
  0,
  1,
  0.5,
  1e9,
  1e300,
  '',
  'x',
  '__proto__',
  'toString',
  'x'.repeat(5000),
  null,
  true,
  [],
  {},
  [null],
  { __proto__: null } as unknown as Json,
];

export type Mutation = { path: number; kind: 'set' | 'delete' | 'duplicate'; value: number };

/** One to three edits, mostly setting a value. */
export const mutations = fc.array(
  fc.record({ path: fc.nat(), kind: fc.constantFrom<Mutation['kind']>('set', 'set', 'set', 'delete', 'duplicate'), value: fc.nat() }),
  { minLength: 1, maxLength: 3 },
);

/**
 * One edit of a document in place, at one of `paths` (those of the document
 * before any edit: a path that no longer leads anywhere is skipped). A value is
 * set by defineProperty, so "__proto__" becomes an own key as JSON.parse makes it.
 */
export function mutate(doc: Json, paths: readonly Path[], m: Mutation, values: readonly Json[] = HOSTILE_VALUES): void {
  const path = paths[m.path % paths.length]!;
  if (path.length === 0) return;
  let parent: Json | undefined = doc;
  for (const key of path.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, Json>)[key] : undefined;
  if (parent === null || typeof parent !== 'object' || parent === undefined) return;
  const key = path[path.length - 1]!;
  const value = structuredClone(values[m.value % values.length]!);
  if (Array.isArray(parent) && typeof key === 'number') {
    if (m.kind === 'delete') parent.splice(key, 1);
    else if (m.kind === 'duplicate') parent.splice(key, 0, structuredClone(parent[key]!));
    else parent[key] = value;
  } else {
    const obj = parent as Record<string, Json>;
    if (m.kind === 'delete') delete obj[key];
    else if (m.kind === 'duplicate') obj[`${key}Copy`] = structuredClone(obj[key]!);
    else Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  }
}

/** A copy of `base` with the edits made. */
export function mutated(base: Json, paths: readonly Path[], ms: readonly Mutation[], values?: readonly Json[]): Json {
  const doc = structuredClone(base);
  for (const m of ms) mutate(doc, paths, m, values);
  return doc;
}

/**
 * The problems a reader refuses with, each as "path: message" ([] if it reads
 * the input), for any error class carrying `issues`; any other error (a
 * TypeError, a stack overflow) is thrown on and fails the test.
 */
export function problemsOf(read: () => unknown, refusal: new (...args: never[]) => { issues: readonly { path: string; message: string }[] }): string[] {
  try {
    read();
    return [];
  } catch (e) {
    if (e instanceof refusal) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
}
