// Node-only entry: worker threads. The browser uses ./browser/ instead; ./index.ts stays free of Node APIs.
export { NodeWorkerPool, defaultWorkerCount, type PoolRunOptions } from './pool/node-pool.js';
export { runScenarioParallel, type ParallelRunOptions, type ParallelExperimentResult } from './pool/run-parallel.js';
export * from './sweep/index.js';
export { byFileLine, readDatedArrivalFiles, type DatedArrivalFiles } from './dated-arrival-files.js';
export { runForecastParallel, type ForecastRun, type ForecastRunOptions } from './forecast/forecast-parallel.js';
export * from './optimise/index.js';
export type { ReplicationRunner, RunnerOptions } from './replication-runner.js';
export * from './queue/index.js';
export { loadTheatreSpec, type TheatreSpec } from './theatre/theatre-spec.js';
export { runTheatreSchedule, SHOWN, THEATRE_FILES, type TheatreReport, type Interval } from './theatre/run-theatre-schedule.js';
export { weekGridText } from './theatre/schedule.js';
export { proposeAndSelect, type ScheduleOutcome } from './theatre/propose-and-select.js';
export { allSmallSchedules, SMALL_BINDING, SMALL_PROBLEM, smallBase } from './theatre/small-instance.js';
export { applySchedule } from './theatre/schedule-scenario.js';
export { SCHEDULE_FIGURES, withScheduleFigures } from './theatre/schedule-figures.js';
export { scheduleKey } from './theatre/schedule.js';
