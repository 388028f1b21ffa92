/**
 * The distributions of the scenario language, in one table: the schema's
 * union, the duration checks and the unit conversions read it; sampling and
 * the mean are the kernel's own table (sim-core's DISTRIBUTION_FAMILIES). A new
 * distribution is one file here, one in sim-core's families, and a line in each
 * table. The order is the order a schema error lists the types in.
 */
import { z } from 'zod';
import { distributionMean as kernelMean, type DistributionSpec } from '../../sim-core/index.js';
import type { DistributionInput } from '../schema/distribution.js';
import { bernoulli } from './bernoulli.js';
import { constant } from './constant.js';
import type { ScenarioDistribution } from './distribution.js';
import { empirical } from './empirical.js';
import { empiricalContinuous } from './empirical-continuous.js';
import { erlang } from './erlang.js';
import { exponential } from './exponential.js';
import { gamma } from './gamma.js';
import { lognormal } from './lognormal.js';
import { poisson } from './poisson.js';
import { triangular } from './triangular.js';
import { truncatedNormal } from './truncated-normal.js';
import { uniform } from './uniform.js';
import { weibull } from './weibull.js';

export const SCENARIO_DISTRIBUTIONS = [
  constant,
  uniform,
  triangular,
  exponential,
  erlang,
  gamma,
  lognormal,
  weibull,
  truncatedNormal,
  empirical,
  empiricalContinuous,
  bernoulli,
  poisson,
] as const;

type Schemas<V extends readonly { schema: z.ZodType }[]> = { [K in keyof V]: V[K]['schema'] };

/**
 * A distribution as data, the same shapes as sim-core's `DistributionSpec`.
 * Durations are in minutes unless the field's name says otherwise.
 */
export const DistributionSchema = z.discriminatedUnion(
  'type',
  SCENARIO_DISTRIBUTIONS.map((d) => d.schema) as unknown as Schemas<typeof SCENARIO_DISTRIBUTIONS>,
);

const byType = new Map<string, ScenarioDistribution<DistributionInput>>(
  SCENARIO_DISTRIBUTIONS.map((d) => [d.type, d as unknown as ScenarioDistribution<DistributionInput>]),
);

/** The table's entry for a validated distribution. */
export function scenarioDistribution(d: DistributionInput): ScenarioDistribution<DistributionInput> {
  const entry = byType.get(d.type);
  if (!entry) throw new Error(`a distribution of type "${d.type}", which the table does not list`);
  return entry;
}

/** Whether every draw is above 0. */
export function alwaysPositive(d: DistributionInput): boolean {
  return scenarioDistribution(d).alwaysPositive(d);
}

/** The same distribution in other units (days to minutes): every parameter with a time unit times `factor`. */
export function scaleDistribution(d: DistributionInput, factor: number): DistributionSpec {
  return scenarioDistribution(d).scale(d, factor);
}

/** Durations must not be negative: a distribution whose draws could be says so, by path. */
export function checkNonNegativeSupport(d: DistributionInput, path: string, problem: (path: string, message: string) => void): void {
  scenarioDistribution(d).checkAsDuration?.(d, path, problem);
}

/** The mean of a distribution (a validated one, or the kernel's compiled spec), by the kernel's family. */
export function distributionMean(d: DistributionInput | DistributionSpec): number {
  return kernelMean(d as DistributionSpec);
}

export type { ScenarioDistribution } from './distribution.js';
export { DISTRIBUTION_LIMITS } from './limits.js';
