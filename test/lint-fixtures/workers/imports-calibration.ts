// lint-expect: design/import-arrows notAnArrow
import { calibrate } from '../calibration/index.js';
export const fit = calibrate;
