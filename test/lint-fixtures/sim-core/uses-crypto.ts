// lint-expect: no-restricted-globals
export const id = (): string => crypto.randomUUID();
