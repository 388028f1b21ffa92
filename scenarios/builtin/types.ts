import type { ScenarioInput } from '../schema/scenario.js';

/** A scenario shipped with the tool, runnable by name. */
export interface BuiltinScenario {
  /** The name users type: `hospital-twin run <name>`. */
  name: string;
  /** One line for `hospital-twin list`. */
  summary: string;
  /** The scenario document, exactly as it would be written in a file. */
  document: ScenarioInput;
}
