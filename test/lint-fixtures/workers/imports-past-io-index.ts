// lint-expect: design/import-arrows pastEntry
import { writeFileAtomic } from '../io/write-file-atomic.js';
export const write = writeFileAtomic;
