/** The verbs a split's branch may use (no jumps: a branch runs straight to its join), listed once: the schema and the lookup read it. */
import { z } from 'zod';
import { consume } from './consume.js';
import { hold } from './hold.js';
import { release } from './release.js';
import { seize } from './seize.js';
import { stay } from './stay.js';
import type { ScenarioVerb } from './verb.js';

const BRANCH_VERBS = [seize, hold, release, consume, stay] as const;

type Schemas<V extends readonly { schema: z.ZodType }[]> = { [K in keyof V]: V[K]['schema'] };

/** A step of a branch, one of the verbs above. */
export const BranchStep = z.union(BRANCH_VERBS.map((v) => v.schema) as unknown as Schemas<typeof BRANCH_VERBS>);

export function verbOfBranchStep(step: object): ScenarioVerb<unknown> {
  const verb = BRANCH_VERBS.find((v) => v.key in step);
  if (!verb) throw new Error('a branch step with no verb');
  return verb as unknown as ScenarioVerb<unknown>;
}
