/**
 * The documented limits on input (README, "Limits"): past them the input is
 * refused with exit code 2 and the limit named, rather than taking time or
 * memory out of proportion to what a hospital's data needs.
 */
export const INPUT_LIMITS = {
  /** A scenario, sweep or mapping file (a scenario with a million empirical values is about 8 MB). */
  documentBytes: 20 * 1024 * 1024,
  /** Lists and maps inside one another in a scenario, sweep or mapping document. */
  nestingDepth: 64,
  /** Aliases (`*name`) in one YAML file: each is resolved by a walk of the whole document. */
  yamlAliases: 1000,
  /**
   * Items in one list of a scenario, sweep or mapping document: a million
   * empirical values is the most a hospital's data needs, and a list of millions
   * of wrong values would otherwise be checked (and a problem made) item by item.
   */
  listItems: 1_000_000,
  /** Patient classes, and pathways, in one scenario (a real case mix has hundreds; each class is compiled and scheduled). */
  patientClasses: 5000,
  /** Steps in one pathway (the built-in hospital's longest has 158; each step is compiled and followed by reference). */
  pathwaySteps: 10_000,
  /** An event log as read, and as decompressed from .gz. */
  logBytes: 512 * 1024 * 1024,
  /** One row of an event log, in characters. */
  logRowCharacters: 100_000,
  /** Distinct activities in an event log (the report's routing tables grow with their square). */
  distinctActivities: 1000,
  /** Worker threads per core. */
  workersPerCore: 4,
  /** Characters of a bad value echoed in a message. */
  echoCharacters: 80,
} as const;

/** Bytes as people read them: "20 MB". */
export function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

/**
 * A value as a message shows it, at most a short excerpt and never by walking
 * the whole value (a value nested thousands deep, or of millions of items):
 * numbers as written (Infinity and NaN by name, not "null"), strings quoted and
 * cut, lists and maps by their size and first keys.
 */
export function shortValue(value: unknown): string {
  const max = INPUT_LIMITS.echoCharacters;
  if (typeof value === 'string') {
    return value.length <= max ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, max))}... (${value.length} characters)`;
  }
  if (typeof value === 'number')
    return Number.isNaN(value) ? 'NaN (.nan)' : value === Infinity ? 'Infinity (.inf)' : value === -Infinity ? '-Infinity (-.inf)' : String(value);
  if (value === null || typeof value === 'boolean' || value === undefined) return String(value);
  if (typeof value === 'bigint') return `${value}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const simple = value.length <= 8 && value.every((v) => v === null || ['number', 'boolean'].includes(typeof v) || (typeof v === 'string' && v.length <= 20));
    return simple ? `[${value.map(shortValue).join(', ')}]` : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const shown = keys.slice(0, 4).map((k) => shortValue(k.length > 20 ? `${k.slice(0, 20)}...` : k));
    return `an object with ${keys.length === 1 ? 'field' : 'fields'} ${shown.join(', ')}${keys.length > 4 ? ` and ${keys.length - 4} more` : ''}`;
  }
  return typeof value;
}

/** The first place a document is nested deeper than the limit, found without recursion, or undefined. */
export function tooDeep(document: unknown, limit: number = INPUT_LIMITS.nestingDepth): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: document, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= limit) return path;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return undefined;
}

/**
 * The first list of a document longer than the limit, with its length, found by
 * one walk without recursion before any list is checked item by item, or undefined.
 */
export function tooLong(document: unknown, limit: number = INPUT_LIMITS.listItems): { path: (string | number)[]; items: number } | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: document, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object' || path.length > INPUT_LIMITS.nestingDepth) continue;
    if (Array.isArray(value)) {
      if (value.length > limit) return { path, items: value.length };
      for (let i = 0; i < value.length; i++) if (value[i] !== null && typeof value[i] === 'object') stack.push({ value: value[i], path: [...path, i] });
    } else for (const [k, v] of Object.entries(value)) if (v !== null && typeof v === 'object') stack.push({ value: v, path: [...path, k] });
  }
  return undefined;
}

/** The smallest and largest of numbers, by a loop (a spread of a million values overflows the stack). */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let m = empty;
  for (const v of values) if (v < m || Number.isNaN(v)) m = v;
  return m;
}

export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let m = empty;
  for (const v of values) if (v > m || Number.isNaN(v)) m = v;
  return m;
}
