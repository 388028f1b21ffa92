// lint-expect: design/import-arrows pastEntry
import { calibrateText } from '../../calibration/text.js';
export const fit = calibrateText;
