/** stay: a stay in a ward bed for a sampled length of stay; compiles to seize, hold, release. */
import { z } from 'zod';
import { Id } from '../schema/common.js';
import { DurationSchema } from '../schema/distribution.js';
import { compileDuration, durationTakesTime } from './durations.js';
import { defineVerb } from './verb.js';

export const stay = defineVerb({
  key: 'stay',
  schema: z.strictObject({ stay: Id, lengthOfStay: DurationSchema, boarding: z.boolean().default(false), id: Id.optional() }),
  size: () => 3,
  check(st, at, ctx) {
    const kind = ctx.kindOf.get(st.stay);
    if (kind !== 'a ward')
      ctx.problem(`${at}.stay`, kind ? `must name a ward, but "${st.stay}" is ${kind}` : `refers to a ward "${st.stay}" that is not in wards`);
    ctx.checkDuration(st.lengthOfStay, `${at}.lengthOfStay`);
  },
  next: (st, k) => (durationTakesTime(st.lengthOfStay) ? [] : [k + 1]),
  compile(s, ctx) {
    const ward = ctx.resourceIndex.get(s.stay)!;
    return [
      {
        op: 'seize',
        figure: s.id ?? `${ctx.pathway}.${s.stay}`,
        resources: [ward],
        oneOf: false,
        priority: null,
        maxWait: Infinity,
        onTimeout: 'cancelled',
        boarding: s.boarding,
        expectedMinutes: 0,
      },
      { op: 'hold', activity: `stay:${s.stay}`, duration: compileDuration(s.lengthOfStay, ctx) },
      { op: 'release', resources: [ward] },
    ];
  },
});
