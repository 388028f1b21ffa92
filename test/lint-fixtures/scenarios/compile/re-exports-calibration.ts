// lint-expect: design/import-arrows notAnArrow
export { calibrateText } from '../../calibration/text.js';
