// Node-only entry: worker threads. The browser uses ./browser/ instead; ./index.ts stays free of Node APIs.
export { NodeWorkerPool, defaultWorkerCount, type PoolRunOptions } from './pool/node-pool.js';
export { runScenarioParallel, type ParallelRunOptions, type ParallelExperimentResult } from './pool/run-parallel.js';
export * from './sweep/index.js';
export { runForecastParallel, type ForecastRun, type ForecastRunOptions } from './forecast/forecast-parallel.js';
export * from './optimise/index.js';
export type { ReplicationRunner, RunnerOptions } from './replication-runner.js';
export * from './queue/index.js';
export { loadTheatreSpec, type TheatreSpec } from './theatre/theatre-spec.js';
export { runTheatreSchedule, SHOWN, THEATRE_FILES, type TheatreReport, type Interval } from './theatre/run-theatre-schedule.js';
export { weekGridText } from './theatre/schedule.js';
