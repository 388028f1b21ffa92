/**
 * split: the patient's branches run at the same time, and the pathway goes on
 * when every one is done (simmer's clone and synchronize). Written as a list
 * of branches, each a list of steps:
 *
 *   - split:
 *       - [{ seize: [lab] }, { hold: { type: constant, value: 10 }, activity: blood test }, { release: all }]
 *       - [{ seize: [ct] }, { hold: { type: constant, value: 30 }, activity: CT scan }]
 *
 * A branch's steps are seize, hold, release, consume or stay (no jumps); what a
 * branch still holds at its end is given back then.
 */
import { z } from 'zod';
import { Id } from '../schema/common.js';
import { BranchStep, verbOfBranchStep } from './branch-steps.js';
import { defineVerb } from './verb.js';

export const split = defineVerb({
  key: 'split',
  schema: z.strictObject({
    split: z.array(z.array(BranchStep).min(1, 'must have at least one step')).min(2, 'must have at least two branches'),
    id: Id.optional(),
  }),
  size: (st) => 1 + st.split.reduce((n, b) => n + b.reduce((m, s) => m + sizeOf(s), 0) + 1, 0),
  check(st, at, ctx) {
    st.split.forEach((b, k) => ctx.checkSteps(b, `${at}.split[${k}]`));
  },
  // The split takes as long as its longest branch: time passes if any branch must take some.
  next: (st, k) => (st.split.some((b) => b.some(takesTime)) ? [] : [k + 1]),
  compile(st, ctx) {
    const branches: number[] = [];
    const body: ReturnType<typeof ctx.compileSteps> = [];
    let at = ctx.at + 1;
    for (const b of st.split) {
      branches.push(at);
      const steps = ctx.compileSteps(b, at);
      body.push(...steps, { op: 'join' });
      at += steps.length + 1;
    }
    return [{ op: 'split', branches, after: at }, ...body];
  },
});

function sizeOf(s: z.output<typeof BranchStep>): number {
  const verb = verbOfBranchStep(s);
  return verb.size ? verb.size(s as never) : 1;
}

/** Whether time must pass at this step (its verb says nothing follows it at once). */
function takesTime(s: z.output<typeof BranchStep>): boolean {
  const verb = verbOfBranchStep(s);
  return verb.next !== undefined && verb.next(s as never, 0, () => -1).length === 0;
}
