/** The verbs a split's branch may use, found by their key. */
import { consume } from './consume.js';
import { hold } from './hold.js';
import { release } from './release.js';
import { seize } from './seize.js';
import { stay } from './stay.js';
import type { ScenarioVerb } from './verb.js';

const BRANCH_VERBS = [seize, hold, release, consume, stay] as const;

export function verbOfBranchStep(step: object): ScenarioVerb<unknown> {
  const verb = BRANCH_VERBS.find((v) => v.key in step);
  if (!verb) throw new Error('a branch step with no verb');
  return verb as unknown as ScenarioVerb<unknown>;
}
