/** goto: jump to a labelled step. */
import { z } from 'zod';
import { Id } from '../schema/common.js';
import { defineVerb } from './verb.js';

export const goto = defineVerb({
  key: 'goto',
  schema: z.strictObject({ goto: Id, id: Id.optional() }),
  check(st, at, ctx) {
    ctx.checkTarget(st.goto, `${at}.goto`);
  },
  next: (st, _k, at) => [at(st.goto)],
  compile: (s, ctx) => [{ op: 'goto', target: ctx.target(s.goto) }],
});
