// lint-expect: no-restricted-syntax
export const today = (): string => Date();
