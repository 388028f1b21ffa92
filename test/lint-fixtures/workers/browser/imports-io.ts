// lint-expect: design/import-arrows notAnArrow
import { writeFileAtomic } from '../../io/index.js';
export const write = writeFileAtomic;
