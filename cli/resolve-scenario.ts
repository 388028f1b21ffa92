import { extname } from 'node:path';
import { BUILTIN_SCENARIOS, builtinScenario, didYouMean, parseScenario, ScenarioError, type Scenario } from '../scenarios/index.js';
import { loadScenarioFile } from './load-scenario-file.js';
import { UsageError } from './exit-codes.js';

const FILE_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/**
 * A validated scenario from what the user typed: a built-in's name, a path to
 * a .json/.yaml/.yml file, or nothing (the first built-in, the default).
 * Throws ScenarioError, listing every problem, for a scenario it cannot run,
 * and UsageError for a name that is neither a built-in nor a scenario file.
 */
export async function resolveScenario(nameOrPath: string | undefined): Promise<Scenario> {
  if (nameOrPath === undefined) {
    const first = BUILTIN_SCENARIOS[0];
    if (!first) throw new ScenarioError('(default)', [{ path: '', message: 'there are no built-in scenarios' }]);
    return parseScenario(first.document, first.name);
  }
  const builtin = builtinScenario(nameOrPath);
  if (builtin) return parseScenario(builtin.document, builtin.name);
  if (FILE_EXTENSIONS.has(extname(nameOrPath).toLowerCase())) return loadScenarioFile(nameOrPath);
  const names = BUILTIN_SCENARIOS.map((s) => s.name);
  throw new UsageError(
    `${nameOrPath}: no built-in scenario has that name${didYouMean(nameOrPath, names)} (they are: ${names.join(', ')}), and it is not a .json, .yaml or .yml file`,
  );
}
