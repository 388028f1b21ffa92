/** Files: atomic writes, and checks that no output overwrites an input (Node only). */
export { writeFileAtomic, NotARegularFileError } from './write-file-atomic.js';
export { outputProblems, type NamedFile, type NamedFolder } from './output-checks.js';
export { readTextFile, FileReadError } from './read-text-file.js';
