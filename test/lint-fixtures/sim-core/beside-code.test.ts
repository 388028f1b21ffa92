// lint-expect: clean
// A unit test beside the code is not part of what the folder ships.
import { smallHospital } from '../scenarios/fixtures/small-hospital.js';
export const seed = Date.now() + Math.random();
export const parts = [smallHospital];
