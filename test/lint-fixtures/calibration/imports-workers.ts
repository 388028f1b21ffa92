// lint-expect: design/import-arrows notAnArrow
import { runScenario } from '../workers/index.js';
export const run = runScenario;
