/**
 * The step verbs of a scenario's pathways, in one table: the schema's step
 * union, the loader's list of verbs, the reference checks and the compiler
 * all read it. A new verb is one file here (and its runner in sim-core/verbs)
 * plus one line in this table.
 */
import { z } from 'zod';
import { branch } from './branch.js';
import { branchOn } from './branch-on.js';
import { consume } from './consume.js';
import { divert } from './divert.js';
import { goto } from './goto.js';
import { hold } from './hold.js';
import { leave } from './leave.js';
import { release } from './release.js';
import { seize } from './seize.js';
import { split } from './split.js';
import { stay } from './stay.js';
import { transfer } from './transfer.js';
import { useShared } from './use-shared.js';
import type { DurationInput } from '../schema/distribution.js';
import type { ScenarioVerb } from './verb.js';
import { waitUntil } from './wait-until.js';

export const SCENARIO_VERBS = [seize, hold, release, consume, branch, branchOn, goto, stay, leave, split, waitUntil, transfer, divert, useShared] as const;

type Schemas<V extends readonly { schema: z.ZodType }[]> = { [K in keyof V]: V[K]['schema'] };

/** A pathway step, one verb each, in the spirit of simmer's trajectories: the union of the table's schemas. */
export const StepSchema = z.union(SCENARIO_VERBS.map((v) => v.schema) as unknown as Schemas<typeof SCENARIO_VERBS>);

/** The fields that name a verb. */
export const STEP_VERBS: readonly string[] = SCENARIO_VERBS.map((v) => v.key);

/** The verb of a step (a validated step has exactly one). */
export function verbOf(step: unknown): ScenarioVerb<unknown> {
  const s = step as Record<string, unknown>;
  const verb = SCENARIO_VERBS.find((v) => v.key in s);
  if (!verb) throw new Error(`a step with none of ${STEP_VERBS.join(', ')}`);
  return verb as unknown as ScenarioVerb<unknown>;
}

/** The durations a step draws, by its verb. */
export function stepDurations(step: unknown): DurationInput[] {
  const verb = verbOf(step);
  return verb.durations?.(step as never) ?? [];
}

export type { CheckContext, CompileContext, ScenarioVerb } from './verb.js';
export { checkNonNegativeSupport, compileDuration, durationTakesTime, toSpec } from './durations.js';
export { quoteList } from './words.js';
