/** Durations of steps (hold, stay): their checks and their compiled form. */
import type { DistributionSpec, DurationModel } from '../../sim-core/index.js';
import type { DistributionInput, DurationInput } from '../schema/distribution.js';
import { alwaysPositive } from '../distributions/index.js';
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
export function toSpec(d: DistributionInput | DistributionSpec): DistributionSpec {
  return JSON.parse(JSON.stringify(d)) as DistributionSpec;
}

/** Whether every draw of a hold is positive, in every case. */
export function durationTakesTime(d: DurationInput): boolean {
  if ('byAttribute' in d) return Object.values(d.cases).every(alwaysPositive) && (d.otherwise === undefined || alwaysPositive(d.otherwise));
  return alwaysPositive(d);
}

export { checkNonNegativeSupport } from '../distributions/index.js';
