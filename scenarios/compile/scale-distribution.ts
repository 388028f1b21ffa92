import type { DistributionInput } from '../schema/distribution.js';

/** The same distribution in other units (days to minutes): every parameter with a time unit times `factor`. */
export function scaleDistribution(d: DistributionInput, factor: number): DistributionInput {
  switch (d.type) {
    case 'constant':
      return { ...d, value: d.value * factor };
    case 'uniform':
      return { ...d, min: d.min * factor, max: d.max * factor };
    case 'triangular':
      return { ...d, min: d.min * factor, mode: d.mode * factor, max: d.max * factor };
    case 'exponential':
    case 'erlang':
      return { ...d, mean: d.mean * factor };
    case 'gamma':
    case 'weibull':
      return { ...d, scale: d.scale * factor };
    case 'lognormal':
      return { ...d, mean: d.mean * factor, sd: d.sd * factor };
    case 'truncatedNormal':
      return {
        type: 'truncatedNormal',
        mean: d.mean * factor,
        sd: d.sd * factor,
        ...(d.min !== undefined ? { min: d.min * factor } : {}),
        ...(d.max !== undefined ? { max: d.max * factor } : {}),
      };
    case 'empirical':
      return { ...d, values: d.values.map((v) => v * factor) };
    case 'empiricalContinuous':
      return { ...d, values: d.values.map((v) => v * factor) };
    case 'poisson':
      // A count of days: the same count of (days * factor) units.
      return { type: 'empirical', values: poissonSupport(d.mean).map((k) => k * factor), weights: poissonSupport(d.mean).map((k) => poissonPmf(k, d.mean)) };
    case 'bernoulli':
      return { type: 'empirical', values: [0, factor], weights: [1 - d.p, d.p] };
  }
}

function poissonSupport(mean: number): number[] {
  const hi = Math.ceil(mean + 10 * Math.sqrt(mean) + 10);
  return Array.from({ length: hi + 1 }, (_, k) => k);
}

function poissonPmf(k: number, mean: number): number {
  let logp = -mean + k * Math.log(mean);
  for (let i = 2; i <= k; i++) logp -= Math.log(i);
  return Math.exp(logp);
}
