// lint-expect: no-restricted-properties
export const draw = (): number => Math.random();
