/** branchOn: go to the step for the patient's value of an attribute. */
import { z } from 'zod';
import { Id } from '../schema/common.js';
import { defineVerb } from './verb.js';

export const branchOn = defineVerb({
  key: 'branchOn',
  schema: z.strictObject({
    branchOn: z.string().min(1),
    cases: z.record(z.string(), Id),
    otherwise: Id.optional(),
    id: Id.optional(),
  }),
  check(st, at, ctx) {
    ctx.checkAttribute(st.branchOn, Object.keys(st.cases), `${at}.branchOn`);
    for (const [v, label] of Object.entries(st.cases)) ctx.checkTarget(label, `${at}.cases.${v}`);
    if (st.otherwise !== undefined) ctx.checkTarget(st.otherwise, `${at}.otherwise`);
  },
  next: (st, k, at) => [...Object.values(st.cases).map(at), st.otherwise !== undefined ? at(st.otherwise) : k + 1],
  compile(s, ctx) {
    const a = ctx.attributeIndex.get(s.branchOn)!;
    const targetByValue = ctx.attributes[a]!.values.map(() => -1);
    for (const [v, label] of Object.entries(s.cases)) {
      const vi = ctx.valueIndex(a, v);
      if (vi >= 0) targetByValue[vi] = ctx.target(label);
    }
    return [{ op: 'branchOn', attribute: a, targetByValue, otherwise: s.otherwise !== undefined ? ctx.target(s.otherwise) : ctx.at + 1 }];
  },
});
