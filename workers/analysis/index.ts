/** Output analysis: how long to warm up, how many replications, how to compare. */
export { mser, type MserResult } from './mser.js';
export { detectWarmup, detectWarmupFromSeries, type DetectWarmupOptions, type WarmupEstimate, type WarmupFromSeries } from './detect-warmup.js';
export { replicateToPrecision, type PrecisionOptions, type PrecisionResult } from './replicate-to-precision.js';
export { welchDifferenceInterval, type WelchInterval } from './welch-interval.js';
