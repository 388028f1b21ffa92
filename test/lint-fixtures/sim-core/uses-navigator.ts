// lint-expect: no-restricted-globals
export const cores = (): number => navigator.hardwareConcurrency;
