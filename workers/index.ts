export { runScenario, runReplication, type ExperimentResult, type ReplicationResult, type RunOptions } from './run-replications.js';
export { compareResults, type FigureDifference } from './compare.js';
export { combinedFigure } from './combined-figure.js';
export { createReplicationApi, type ReplicationApi, type ReplicationJob, type JobResult, type ReplicationFailure, type Validation } from './replication-api.js';
export {
  mser,
  detectWarmup,
  detectWarmupFromSeries,
  replicateToPrecision,
  welchDifferenceInterval,
  type MserResult,
  type DetectWarmupOptions,
  type WarmupEstimate,
  type WarmupFromSeries,
  type PrecisionOptions,
  type PrecisionResult,
  type WelchInterval,
} from './analysis/index.js';
export * from './forecast/index.js';
export type { OptimiseHistoryPoint } from './optimise/history-point.js';
/** The trace's vocabulary (words and exit kinds) and its one typed reader, for readers of a run's trace such as the viewer's replay. */
export {
  TRACE_WORDS,
  TRACE_PLACED,
  TRACE_ATTRIBUTE_PREFIX,
  TRACE_BRANCH_END_PREFIX,
  EXIT_WORDS,
  readTrace,
  type TraceWord,
  type TraceEvent,
} from '../sim-core/index.js';
export * from './score/index.js';
export { SHOWN as THEATRE_FIGURES_SHOWN } from './theatre/schedule-figures.js';
