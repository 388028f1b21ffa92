/** hold: a timed activity, holding what the patient holds. */
import { z } from 'zod';
import { Id } from '../schema/common.js';
import { DurationSchema } from '../schema/distribution.js';
import { compileDuration, durationTakesTime } from './durations.js';
import { defineVerb } from './verb.js';

export const hold = defineVerb({
  key: 'hold',
  schema: z.strictObject({ hold: DurationSchema, activity: z.string().min(1), id: Id.optional() }),
  check(st, at, ctx) {
    ctx.checkDuration(st.hold, `${at}.hold`);
  },
  next: (st, k) => (durationTakesTime(st.hold) ? [] : [k + 1]),
  durations: (s) => [s.hold],
  compile: (s, ctx) => [{ op: 'hold', activity: s.activity, duration: compileDuration(s.hold, ctx) }],
});
