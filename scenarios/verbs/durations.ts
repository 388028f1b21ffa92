/** Durations of steps (hold, stay): their checks and their compiled form. */
import { minOf } from '../limits.js';
import type { DistributionSpec, DurationModel } from '../../sim-core/index.js';
import type { DistributionInput, DurationInput } from '../schema/distribution.js';
import { ownValue } from '../own-key.js';
import type { CompileContext } from './verb.js';

export function compileDuration(d: DurationInput, ctx: Pick<CompileContext, 'attributeIndex' | 'attributes'>): DurationModel {
  if ('type' in d) return { kind: 'fixed', distribution: toSpec(d) };
  const a = ctx.attributeIndex.get(d.byAttribute)!;
  const byValue = ctx.attributes[a]!.values.map((v) => {
    const c = ownValue(d.cases, String(v));
    return c ? toSpec(c) : null;
  });
  return { kind: 'byAttribute', attribute: a, byValue, otherwise: d.otherwise ? toSpec(d.otherwise) : null };
}

/** A schema distribution as the kernel's spec (drops absent optional fields). */
export function toSpec(d: DistributionInput): DistributionSpec {
  return JSON.parse(JSON.stringify(d)) as DistributionSpec;
}

/** Whether every draw of a hold is positive, in every case. */
export function durationTakesTime(d: DurationInput): boolean {
  if ('byAttribute' in d) return Object.values(d.cases).every(positiveMinimum) && (d.otherwise === undefined || positiveMinimum(d.otherwise));
  return positiveMinimum(d);
}

/**
 * Whether every draw is positive, so a loop through it must advance the clock.
 * Exponential, gamma, lognormal and Weibull draws are positive almost surely.
 */
function positiveMinimum(d: DistributionInput): boolean {
  switch (d.type) {
    case 'constant':
      return d.value > 0;
    case 'uniform':
    case 'triangular':
      return d.min > 0;
    case 'truncatedNormal':
      return d.min !== undefined && d.min > 0;
    case 'empirical':
    case 'empiricalContinuous':
      return minOf(d.values) > 0;
    case 'bernoulli':
    case 'poisson':
      return false;
    default:
      return true;
  }
}

/** Durations must not be negative: only truncatedNormal could be, if its bound allows. */
export function checkNonNegativeSupport(d: DistributionInput, path: string, problem: (path: string, message: string) => void): void {
  if (d.type === 'truncatedNormal') {
    if (d.min === undefined || d.min < 0)
      problem(`${path}.min`, `must be set to 0 or more, since a duration cannot be negative${d.min !== undefined ? `, got ${d.min}` : ''}`);
  }
}
