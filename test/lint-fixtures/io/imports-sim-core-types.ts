// lint-expect: design/import-arrows notAnArrow
import type { RandomStream } from '../sim-core/index.js';
export type Stream = RandomStream;
