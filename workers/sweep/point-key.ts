import { createHash } from 'node:crypto';

/**
 * What identifies a finished point, so a rerun of the sweep can skip it: a hash
 * of the scenario as run (the base with the point's values applied, defaults
 * filled in), the seed and the number of replications. Editing the base
 * scenario, a value, the seed or the replications makes the point new again.
 */
export function pointKey(scenario: unknown, seed: number | string, replications: number): string {
  return createHash('sha256').update(canonicalJson({ scenario, seed, replications })).digest('hex').slice(0, 32);
}

/** JSON with object keys sorted at every level, so equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) Object.defineProperty(sorted, k, { value: (v as Record<string, unknown>)[k], enumerable: true });
    return sorted;
  });
}
