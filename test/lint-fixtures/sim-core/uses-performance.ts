// lint-expect: no-restricted-globals
export const elapsed = (): number => performance.now();
