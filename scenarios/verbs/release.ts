/** release: give back the named resources, or all. */
import { z } from 'zod';
import { Id } from '../schema/common.js';
import { Target } from './seize.js';
import { defineVerb } from './verb.js';

export const release = defineVerb({
  key: 'release',
  schema: z.strictObject({ release: z.union([Target, z.literal('all')]), id: Id.optional() }),
  check(st, at, ctx) {
    if (st.release !== 'all') st.release.forEach((id, j) => ctx.checkResource(id, `${at}.release[${j}]`));
  },
  compile: (s, ctx) => [{ op: 'release', resources: s.release === 'all' ? 'all' : s.release.map((r) => ctx.resourceIndex.get(r)!) }],
});
