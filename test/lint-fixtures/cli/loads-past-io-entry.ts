// lint-expect: design/import-arrows pastEntry
export const load = () => import('../io/write-file-atomic.js');
