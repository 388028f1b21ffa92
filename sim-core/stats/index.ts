/** Statistics the simulation kernel collects and the intervals reported on them. */
export { Tally, type TallyOptions } from './tally.js';
export { selectQuantile } from './select-quantile.js';
export { quantileSorted } from './quantile-sorted.js';
export { finiteMean } from './finite-mean.js';
export { TimeWeighted, type Clock, type TimeWeightedOptions } from './time-weighted.js';
export { studentTCdf, studentTQuantile } from './student-t.js';
export { meanConfidenceInterval, pairedDifferenceInterval, type ConfidenceInterval } from './confidence-interval.js';
export { clipAtZero, type NonNegativeInterval } from './non-negative-interval.js';
export { summariseColumns, summariseReplications, type FigureSummary } from './replication-summary.js';
export { batchMeans, type BatchMeansResult } from './batch-means.js';
