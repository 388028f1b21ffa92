export { crpsOfSorted } from './crps.js';
export { pitInterval } from './pit.js';
export { addPit } from './pit-histogram.js';
export { centralCoverage } from './central-coverage.js';
export { meanAndSe, type Estimate } from './mean-and-se.js';
export { ratioOfMeans } from './ratio-of-means.js';
export { truthFromTrace, truthFromStates, truthFromWardStays, type Truth, type LoggedStay } from './truth.js';
export { scoreForecasts, BAND_LEVELS, type ScoreOptions, type ScoreReport, type SeriesScore, type HorizonScore } from './score-forecasts.js';
export { arrivalsShare, type ArrivalsShare, type ArrivalsShareSeries, type ArrivalsSideScore } from './arrivals-share.js';
