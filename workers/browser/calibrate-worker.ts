/// <reference lib="webworker" />
/** The browser's calibration worker: fitting and the validation run happen here, never on the page's thread. */
import { expose } from 'comlink';
import { createCalibrationApi } from './calibration-api.js';

expose(createCalibrationApi());
