/**
 * Lookups by a name the user chose (a pathway, an attribute value, a case): only
 * the record's own keys count, so `toString`, `constructor` or `__proto__` are
 * names like any other and never reach what every object inherits.
 */
export function hasOwnKey(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** The record's own value under `key`, or undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwnKey(record, key) ? record[key] : undefined;
}
