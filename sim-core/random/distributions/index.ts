export { constant, uniform, triangular, exponential, erlang, gamma, normal, lognormal, weibull } from './continuous.js';
export { bernoulli, categorical, empiricalDiscrete, empiricalContinuous, poisson } from './discrete.js';
export { truncatedNormal } from './truncated-normal.js';
export { makeDistribution, type DistributionSpec } from './spec.js';
export { sharedCategorical, sharedDistribution } from './shared.js';
export { standardNormal, normalCdf } from './normal-sampler.js';
export { logGamma } from './special-functions.js';
export { continuousCdf, logRegularizedGammaQ, regularizedGammaP } from './cdf.js';
