import type { SweepSpec } from './sweep-spec.js';

/** One scenario of a sweep: the value given to each parameter path. */
export interface SweepPoint {
  /** p1, p2, … (zero-padded to sort), in the order of the design. */
  id: string;
  /** Parameter path → value, in the order the sweep names them. */
  values: Record<string, unknown>;
  /** Where in the sweep file the values come from, for error messages. */
  origin: { design: 'grid'; valueIndex: Record<string, number> } | { design: 'list'; combination: number };
}

/**
 * The points of a sweep: every combination of the parameters' values (the last
 * parameter varying fastest, like nested loops), or the listed combinations.
 */
export function expandPoints(spec: Pick<SweepSpec, 'parameters' | 'combinations'>): SweepPoint[] {
  const raw: Omit<SweepPoint, 'id'>[] = [];
  if (spec.combinations) {
    spec.combinations.forEach((values, combination) => raw.push({ values: { ...values }, origin: { design: 'list', combination } }));
  } else {
    const params = Object.entries(spec.parameters ?? {});
    let partial: Omit<SweepPoint, 'id'>[] = [{ values: {}, origin: { design: 'grid', valueIndex: {} } }];
    for (const [path, values] of params) {
      partial = partial.flatMap((p) =>
        values.map((value, i) => ({
          values: withKey(p.values, path, value),
          origin: { design: 'grid' as const, valueIndex: withKey((p.origin as { valueIndex: Record<string, number> }).valueIndex, path, i) },
        })),
      );
    }
    raw.push(...partial);
  }
  const width = String(raw.length).length;
  return raw.map((p, i) => ({ id: `p${String(i + 1).padStart(width, '0')}`, ...p }));
}

/** Every parameter path of the sweep, in the order first named. */
export function parameterPaths(spec: Pick<SweepSpec, 'parameters' | 'combinations'>): string[] {
  if (spec.parameters) return Object.keys(spec.parameters);
  return [...new Set((spec.combinations ?? []).flatMap((c) => Object.keys(c)))];
}

function withKey<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  const out = { ...record };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}
