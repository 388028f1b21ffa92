// lint-expect: design/import-arrows notAnArrow
export * from '../bench/run.js';
