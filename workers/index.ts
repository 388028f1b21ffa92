export { runScenario, runReplication, type ExperimentResult, type ReplicationResult, type RunOptions } from './run-replications.js';
export { compareResults, type FigureDifference } from './compare.js';
