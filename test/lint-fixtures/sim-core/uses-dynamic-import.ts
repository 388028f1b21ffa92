// lint-expect: no-restricted-syntax
export const load = () => import('./calendar.js');
