import type { BuiltinScenario } from './types.js';
import { generalHospital } from './general-hospital.js';
import { bedLoss, mmcQueue } from './textbook.js';
import { outpatientClinic, outpatientClinicBooked } from './outpatient-clinic.js';
import { GENERAL_HOSPITAL_VARIANTS } from './variants.js';
import { consortium, consortiumOwnDsa } from './consortium.js';

export type { BuiltinScenario } from './types.js';

/** Every built-in scenario, the default (the general hospital) first, then its variants, the textbook queues, then the clinic, then the consortium (a network of four sites) and its variant. */
export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = [
  generalHospital,
  ...GENERAL_HOSPITAL_VARIANTS,
  mmcQueue,
  bedLoss,
  outpatientClinic,
  outpatientClinicBooked,
  consortium,
  consortiumOwnDsa,
];

/** The built-in scenario of that name, or undefined. */
export function builtinScenario(name: string): BuiltinScenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.name === name);
}
