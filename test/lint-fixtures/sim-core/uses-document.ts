// lint-expect: no-restricted-globals
export const title = (): string => document.title;
