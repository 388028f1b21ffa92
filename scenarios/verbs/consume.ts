/** consume: use units of a stock item. */
import { z } from 'zod';
import { Id } from '../schema/common.js';
import { defineVerb } from './verb.js';
import { quoteList } from './words.js';

export const consume = defineVerb({
  key: 'consume',
  schema: z.strictObject({ consume: Id, quantity: z.number().int().positive().default(1), id: Id.optional() }),
  check(st, at, ctx) {
    if (!ctx.items.has(st.consume))
      ctx.problem(`${at}.consume`, `refers to an item "${st.consume}" that is not in items (known: ${quoteList([...ctx.items])})`);
  },
  compile: (s, ctx) => [{ op: 'consume', item: ctx.itemIndex.get(s.consume)!, quantity: s.quantity }],
});
