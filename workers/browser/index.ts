// The page's entry to workers/: runners in Web Workers, for the viewer. The Node
// side (worker threads, the queue) is ../node.ts.
export {
  startBrowserRunner,
  connectBrowserRunner,
  type BrowserRunOptions,
  type BrowserExperimentResult,
  type BrowserForecastOptions,
  type BrowserForecastResult,
  type BrowserRunner,
} from './client.js';
export { startCalibration, type CalibrationHandle, type CalibrationOutcome, type CalibrationRequest } from './calibrate-client.js';
