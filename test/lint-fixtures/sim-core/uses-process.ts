// lint-expect: no-restricted-globals
export const seed = (): string | undefined => process.env.SEED;
