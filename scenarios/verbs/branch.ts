/** branch: go to a labelled step with a probability (the rest go on to the next step). */
import { z } from 'zod';
import { Id, probability } from '../schema/common.js';
import { defineVerb } from './verb.js';
import { round } from './words.js';

export const branch = defineVerb({
  key: 'branch',
  schema: z.strictObject({
    branch: z.array(z.strictObject({ p: probability(), goto: Id })).min(1),
    id: Id.optional(),
  }),
  check(st, at, ctx) {
    st.branch.forEach((b, j) => ctx.checkTarget(b.goto, `${at}.branch[${j}].goto`));
    const total = st.branch.reduce((sum, b) => sum + b.p, 0);
    if (total > 1 + 1e-9) ctx.problem(`${at}.branch`, `probabilities must sum to at most 1 (the rest go on to the next step), got ${round(total)}`);
  },
  next: (st, k, at) => [...st.branch.map((b) => at(b.goto)), k + 1],
  compile: (s, ctx) => [{ op: 'branch', probabilities: s.branch.map((b) => b.p), targets: s.branch.map((b) => ctx.target(b.goto)) }],
});
