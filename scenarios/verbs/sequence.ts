/**
 * The order of cases on a theatre list: a seize step's `sequence` rule, compiled
 * into priorities by the patient's value of the attribute the operation's
 * duration depends on (the procedure). Cases of a list wait for the room
 * together before the session opens, so the line's priority order is the order
 * of the list. The rules, from the scheduling literature (shortest-variance-first
 * cuts overtime; short-stay cases early free ward beds):
 * - asBooked: as they arrived (the list's own order);
 * - shortestFirst / longestFirst: by the mean of the operation's duration;
 * - lowestVarianceFirst: by its variance;
 * - shortStayFirst: by the mean of the first `stay:` hold after the operation.
 * Priorities stay in (base - 0.5, base], so a sequenced elective list never
 * rises above its base priority (an emergency above 0 still goes first).
 */
import { z } from 'zod';
import { makeDistribution, type DistributionSpec, type DurationModel } from '../../sim-core/index.js';
import { compileDuration } from './durations.js';
import type { CompileContext } from './verb.js';

export const SEQUENCE_RULES = ['asBooked', 'shortestFirst', 'longestFirst', 'lowestVarianceFirst', 'shortStayFirst'] as const;
export const SequenceRule = z.enum(SEQUENCE_RULES);
export type SequenceRule = z.infer<typeof SequenceRule>;

type HoldStep = { hold?: Parameters<typeof compileDuration>[0]; activity?: string };

/** The attribute-dependent duration of the first hold after step `from` (whose activity starts with `prefix`, if given). */
function holdAfter(ctx: CompileContext, from: number, prefix?: string): { index: number; d: DurationModel } | null {
  for (let j = from + 1; j < ctx.steps.length; j++) {
    const s = ctx.steps[j] as HoldStep;
    if (s.hold === undefined) continue;
    if (prefix !== undefined && !(s.activity ?? '').startsWith(prefix)) continue;
    return { index: j, d: compileDuration(s.hold, ctx) };
  }
  return null;
}

/** The first hold after step `from` of a list of steps as written (whose activity starts with `prefix`, if given). */
function rawHoldAfter(steps: readonly unknown[], from: number, prefix?: string): { index: number; byAttribute?: string } | null {
  for (let j = from + 1; j < steps.length; j++) {
    const s = steps[j] as HoldStep;
    if (s.hold === undefined) continue;
    if (prefix !== undefined && !(s.activity ?? '').startsWith(prefix)) continue;
    return { index: j, ...('byAttribute' in s.hold ? { byAttribute: s.hold.byAttribute } : {}) };
  }
  return null;
}

/** Why a `sequence` rule cannot order the cases of step `index` of `steps`, or null when it can. */
export function sequenceProblem(rule: SequenceRule, steps: readonly unknown[], index: number): string | null {
  if (rule === 'asBooked') return null;
  const op = rawHoldAfter(steps, index);
  if (op === null) return `${rule} needs a hold after the step (the operation) to order cases by`;
  if (op.byAttribute === undefined) return `${rule} needs the operation hold after the step to depend on an attribute (byAttribute, e.g. the procedure)`;
  if (rule === 'shortStayFirst') {
    const stay = rawHoldAfter(steps, op.index, 'stay:');
    if (stay === null || stay.byAttribute !== op.byAttribute)
      return `shortStayFirst needs a later hold with an activity "stay:…" that depends on ${op.byAttribute}, as the operation does`;
  }
  return null;
}

/** The rule as priorities by attribute value, below `base`; null for `asBooked` (the base priority as it is). */
export function sequencePriority(rule: SequenceRule, base: number, ctx: CompileContext): { attribute: number; byValue: number[]; otherwise: number } | null {
  if (rule === 'asBooked') return null;
  const op = holdAfter(ctx, ctx.index)!;
  const d = op.d as Extract<DurationModel, { kind: 'byAttribute' }>;
  const stay = rule === 'shortStayFirst' ? (holdAfter(ctx, op.index, 'stay:')!.d as Extract<DurationModel, { kind: 'byAttribute' }>) : null;
  const of = (model: Extract<DurationModel, { kind: 'byAttribute' }>, v: number): DistributionSpec | null => model.byValue[v] ?? model.otherwise;
  const key = (v: number): number => {
    const spec = of(stay ?? d, v);
    if (spec === null) return Infinity;
    const dist = makeDistribution(spec);
    if (rule === 'longestFirst') return -dist.mean;
    if (rule === 'lowestVarianceFirst') return dist.variance;
    return dist.mean;
  };
  const keys = d.byValue.map((_, v) => key(v));
  const distinct = [...new Set(keys)].sort((a, b) => a - b);
  const rank = (k: number): number => distinct.indexOf(k) / Math.max(1, distinct.length);
  // Values with no duration sort last (key Infinity); a patient with no value too.
  return { attribute: d.attribute, byValue: keys.map((k) => base - rank(k) / 2), otherwise: base - 0.5 };
}
