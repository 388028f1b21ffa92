// lint-expect: no-restricted-globals
export const width = (): number => window.innerWidth;
