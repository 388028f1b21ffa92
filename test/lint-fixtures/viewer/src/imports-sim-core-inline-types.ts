// lint-expect: design/import-arrows typesOnly
// Under verbatimModuleSyntax this still loads the module: only `import type` is types only.
import { type RandomStream } from '../../sim-core/index.js';
export type Stream = RandomStream;
