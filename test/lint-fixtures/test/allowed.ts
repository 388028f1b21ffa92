// lint-expect: clean
import { smallHospital } from '../scenarios/fixtures/small-hospital.js';
import { resolveScenario } from '../cli/resolve-scenario.js';
export const parts = [smallHospital, resolveScenario];
