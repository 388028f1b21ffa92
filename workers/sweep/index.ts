/** Parameter sweeps (Node: they read and write files). */
export {
  parseSweepSpec,
  plainIssue,
  SweepSpecSchema,
  SweepSpecError,
  MAX_POINTS,
  type SweepSpec,
  type SweepSpecInput,
  type RankSpec,
  type RankConstraint,
} from './sweep-spec.js';
export { loadSweepSpec, loadBaseDocument } from './load-sweep.js';
export { parseParameterPath, resolveParameterPath, setAtLocations, type PathSegment, type Location } from './parameter-path.js';
export { expandPoints, parameterPaths, type SweepPoint } from './expand-points.js';
export { planSweep, type PlannedPoint, type SweepPlan } from './plan-sweep.js';
export { rankPoints, type Ranking, type RankedPoint, type RankInput } from './rank-points.js';
export { buildReport, reportCsv, reportJson, type SweepReport } from './sweep-report.js';
export { readLog, type PointRecord, type LogContents } from './results-log.js';
export {
  runSweep,
  SWEEP_FILES,
  type SweepRunner,
  type SweepRunOptions,
  type SweepRunResult,
  type SweepProgress,
  type RunSweepOptions,
  type SweepOutcome,
} from './run-sweep.js';
export { pointKey, canonicalJson } from './point-key.js';
export { readDocument } from './read-document.js';
export { figureIdsOf } from './sweep-figures.js';
