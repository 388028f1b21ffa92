// lint-expect: design/import-arrows notAnArrow
export { writeFileAtomic } from '../io/index.js';
