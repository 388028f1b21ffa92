/** Optimisation: COMPASS search and a constrained KN selection over sweep paths (Node: it reads and writes files). */
export { OptimiseSpecSchema, OptimiseSpecError, type OptimiseSpec, type OptimiseSpecInput } from './optimise-spec.js';
export { parseOptimiseSpec, loadOptimiseSpec } from './load-optimise.js';
export { runOptimise, OPTIMISE_FILES, type OptimiseOutcome, type OptimiseProgress, type RunOptimiseOptions } from './run-optimise.js';
export type { OptimiseRunner } from './evaluations.js';
export type { OptimiseReport, ReportedCandidate } from './optimise-report.js';
export { valuesText, valueText } from './decision-space.js';
export { inThreadRunner } from './in-thread-runner.js';
