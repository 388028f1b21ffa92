/** `list` arrivals: a list that repeats each week (an OR case list): at `time` on `days`, `count` patients, with attributes each entry fixes. */
import { z } from 'zod';
import { ClockTime, dayIndices, Days, minutesOfDay } from '../schema/common.js';
import { WEEK_MINUTES } from '../compile/weekly-profile.js';
import { defineArrivalKind, entryAttributes, fixedValues } from './kind.js';

const schema = z.strictObject({
  type: z.literal('list'),
  entries: z
    .array(
      z.strictObject({
        days: Days,
        time: ClockTime,
        count: z.number().int('must be a whole number').positive('must be at least 1').max(10_000, 'must be at most 10000'),
        attributes: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
      }),
    )
    .min(1),
});

export const list = defineArrivalKind({
  type: 'list',
  schema,
  carriedAttributes: (a) => entryAttributes(a.entries),
  caseList: (a) => a.entries,
  compile(a, ctx) {
    const entries = a.entries.flatMap((e) =>
      dayIndices(e.days).map((day) => ({ at: (day * 1440 + minutesOfDay(e.time)) % WEEK_MINUTES, count: e.count, attributes: fixedValues(e.attributes, ctx) })),
    );
    return { type: 'list', entries };
  },
});
