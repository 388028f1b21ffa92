// lint-expect: design/import-arrows notAnArrow
import { resolveScenario } from '../../cli/resolve-scenario.js';
export const resolve = resolveScenario;
