// lint-expect: clean
import { runHospital } from '../sim-core/hospital/run-hospital.js';
export const run = runHospital;
