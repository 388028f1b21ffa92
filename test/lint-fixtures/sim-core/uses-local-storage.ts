// lint-expect: no-restricted-globals
export const saved = (): string | null => localStorage.getItem('seed');
