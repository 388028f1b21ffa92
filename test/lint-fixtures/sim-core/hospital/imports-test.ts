// lint-expect: design/import-arrows notAnArrow
export * from '../../test/run-cli.js';
