/**
 * The kernel's distribution families, one line each: sampling (makeDistribution),
 * the mean, the CDF (goodness of fit) and the rest of a duration under way
 * (remainingDuration) all look a spec's type up here. A new family is one module
 * in this folder, its shape in spec.ts's DistributionSpec and one line below.
 */
import type { DistributionFamily } from '../family.js';
import type { DistributionSpec } from '../spec.js';
import { bernoulliFamily } from './bernoulli.js';
import { categoricalFamily } from './categorical.js';
import { constantFamily } from './constant.js';
import { empiricalFamily } from './empirical.js';
import { empiricalContinuousFamily } from './empirical-continuous.js';
import { erlangFamily } from './erlang.js';
import { exponentialFamily } from './exponential.js';
import { gammaFamily } from './gamma.js';
import { lognormalFamily } from './lognormal.js';
import { poissonFamily } from './poisson.js';
import { triangularFamily } from './triangular.js';
import { truncatedNormalFamily } from './truncated-normal.js';
import { uniformFamily } from './uniform.js';
import { weibullFamily } from './weibull.js';

type Families = { readonly [T in DistributionSpec['type']]: DistributionFamily<Extract<DistributionSpec, { type: T }>> };

export const DISTRIBUTION_FAMILIES: Families = {
  constant: constantFamily,
  uniform: uniformFamily,
  triangular: triangularFamily,
  exponential: exponentialFamily,
  erlang: erlangFamily,
  gamma: gammaFamily,
  lognormal: lognormalFamily,
  weibull: weibullFamily,
  truncatedNormal: truncatedNormalFamily,
  empirical: empiricalFamily,
  empiricalContinuous: empiricalContinuousFamily,
  bernoulli: bernoulliFamily,
  poisson: poissonFamily,
  categorical: categoricalFamily,
};

/** The family of a spec, typed by it. */
export function familyOf<S extends DistributionSpec>(spec: S): DistributionFamily<S> {
  return DISTRIBUTION_FAMILIES[spec.type] as unknown as DistributionFamily<S>;
}

/** The theoretical mean of a spec, by its family. */
export function distributionMean(spec: DistributionSpec): number {
  return familyOf(spec).mean(spec);
}
