// lint-expect: design/import-arrows pastEntry
import { calibrate } from '../../calibration/index.js';
export const fit = calibrate;
