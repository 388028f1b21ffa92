/**
 * waitUntil: hold the patient until a clock time of day, keeping what it
 * holds (discharge after the 11:00 ward round; a morning list):
 *
 *   - { waitUntil: "11:00", activity: ward round }
 *   - { waitUntil: "08:00", days: weekdays }
 *
 * A patient there at that very minute goes on at once; `days` (default all)
 * are the days whose time counts.
 */
import { z } from 'zod';
import { ClockTime, dayIndices, Days, Id, minutesOfDay } from '../schema/common.js';
import { defineVerb } from './verb.js';

export const waitUntil = defineVerb({
  key: 'waitUntil',
  schema: z.strictObject({
    waitUntil: ClockTime,
    days: Days.default('all'),
    /** What the trace and a state call the wait; default "until <time>". */
    activity: z.string().min(1).optional(),
    id: Id.optional(),
  }),
  check(st, at, ctx) {
    if (st.waitUntil === '24:00') ctx.problem(`${at}.waitUntil`, "must be a time of day from 00:00 to 23:59 (24:00 is the next day's 00:00)");
  },
  // A patient there at that very minute goes on at once: no time need pass (a loop through it alone is refused).
  next: (_st, k) => [k + 1],
  compile(s) {
    const days = new Set(dayIndices(s.days));
    return [
      {
        op: 'waitUntil',
        minuteOfDay: minutesOfDay(s.waitUntil),
        onDay: [0, 1, 2, 3, 4, 5, 6].map((d) => days.has(d)),
        activity: s.activity ?? `until ${s.waitUntil}`,
      },
    ];
  },
});
