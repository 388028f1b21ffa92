// Node-free entry: calibration from the texts of a log and its mapping, without
// file access, for workers/browser/ (calibration runs in a Web Worker there).
// ./index.ts adds what reads files.
export { calibrateText, type CalibrateOptions, type CalibrationResult } from './calibrate-text.js';
export { CalibrationError } from './errors.js';
export { parseMappingText, type Mapping } from './read/mapping.js';
