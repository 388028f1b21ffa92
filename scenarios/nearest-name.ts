/**
 * The name a person probably meant ("warmupDay" for "warmupDays", "flu-seasn"
 * for "flu-season"): the closest by edit distance (Levenshtein: insertions,
 * deletions and substitutions, each 1), if it is close enough to be a typing
 * slip: at most a third of the name's length, and at most 3.
 */
import type { z } from 'zod';

export function nearestName(typed: string, names: Iterable<string>): string | undefined {
  if (typed.length > 200) return undefined;
  const limit = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of names) {
    if (Math.abs(name.length - typed.length) >= bestDistance || name.length > 200) continue;
    const d = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

/** `; did you mean "x"?` or nothing. */
export function didYouMean(typed: string, names: Iterable<string>): string {
  const near = nearestName(typed, names);
  return near === undefined || near === typed ? '' : `; did you mean "${near}"?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The field names an object schema allows at a path inside a root schema, found
 * by descending through objects, lists, maps, optional and default wrappers and
 * pipes; undefined where the path leads into a union or anything else.
 */
export function knownFieldsAt(root: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let node: unknown = root;
  const unwrap = (): void => {
    for (let k = 0; k < 20; k++) {
      const def = (node as { def?: { type?: string; innerType?: unknown; in?: unknown; schema?: unknown } }).def;
      if (def?.type === 'optional' || def?.type === 'default' || def?.type === 'nullable' || def?.type === 'prefault' || def?.type === 'catch')
        node = def.innerType;
      else if (def?.type === 'pipe') node = def.in;
      else if (def?.type === 'lazy') return;
      else return;
    }
  };
  unwrap();
  for (const key of path) {
    const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown } }).def;
    if (def?.type === 'object' && typeof key === 'string' && def.shape && Object.hasOwn(def.shape, key)) node = def.shape[key];
    else if (def?.type === 'array' && typeof key === 'number') node = def.element;
    else if (def?.type === 'record') node = def.valueType;
    else return undefined;
    unwrap();
  }
  const def = (node as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}
