// lint-expect: design/import-arrows notAnArrow
import { ScenarioSchema } from '../scenarios/index.js';
export const schema = ScenarioSchema;
