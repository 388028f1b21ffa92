// lint-expect: design/import-arrows notAnArrow
import { parseScenarioText } from '../scenarios/index.js';
export const parse = parseScenarioText;
