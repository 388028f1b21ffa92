// lint-expect: design/import-arrows notAnArrow
// A file at the root is no folder of ours: no arrow leads there.
import { defineConfig } from '../vite.config.js';
export const config = defineConfig;
