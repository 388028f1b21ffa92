// lint-expect: clean
import { calibrateText } from '../../calibration/text.js';
import { forecastModel } from '../../scenarios/index.js';
import { summariseJob } from '../job-summary.js';
export const parts = [calibrateText, forecastModel, summariseJob];
