import type { BuiltinScenario } from './types.js';
import { generalHospital } from './general-hospital.js';
import { bedLoss, mmcQueue } from './textbook.js';

export type { BuiltinScenario } from './types.js';

/** Every built-in scenario, the default (the general hospital) first. */
export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = [generalHospital, mmcQueue, bedLoss];

/** The built-in scenario of that name, or undefined. */
export function builtinScenario(name: string): BuiltinScenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.name === name);
}
