// lint-expect: no-restricted-properties
export const elapsed = (): number => globalThis.performance.now();
