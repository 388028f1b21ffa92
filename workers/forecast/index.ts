export { ForecastRecorder, OUTCOME, type ForecastReplication } from './forecast-recorder.js';
export { runForecastReplication, preparedForecast, type ForecastJob, type ForecastReplicationResult } from './run-forecast.js';
export { summariseForecast, band, type ForecastSummary, type Band, type WardHour } from './summarise-forecast.js';
export { compareForecasts, type ForecastComparison, type PairedDifference } from './compare-forecast.js';
export { backtestStates, scoreBacktest, hourlyCensus, type BacktestOptions, type BacktestResult } from './backtest.js';
export { takeState } from './take-state.js';
export {
  forecastSamples,
  samplesAtHour,
  sampleValueCount,
  ED_WAITING,
  MAX_SAMPLE_VALUES,
  type ForecastSamples,
  type SampleSeries,
  type SampleMeasure,
} from './forecast-samples.js';
export { summarisePatients, likelyDischarges, type PatientForecast } from './summarise-patients.js';
export { PATIENT_HORIZON_DAYS, type PatientReplication } from './patient-outcomes.js';
export { arrivalsFromTrace } from './arrivals-from-trace.js';
