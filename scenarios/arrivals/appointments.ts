/** `appointments` arrivals: booked slots every `slotMinutes` within opening hours; each booked patient fails to come with `noShow`. */
import { z } from 'zod';
import { ClockTime, Days, minutesOfDay, probability } from '../schema/common.js';
import { weeklySlots } from '../compile/weekly-profile.js';
import { defineArrivalKind } from './kind.js';

const schema = z.strictObject({
  type: z.literal('appointments'),
  days: Days,
  start: ClockTime,
  end: ClockTime,
  slotMinutes: z.number().finite().min(1, 'must be at least 1 minute'),
  perSlot: z.number().int('must be a whole number').positive('must be at least 1').max(1_000, 'must be at most 1000').default(1),
  noShow: probability().default(0),
});

export const appointments = defineArrivalKind({
  type: 'appointments',
  schema,
  check(a, at, { problem }) {
    if (minutesOfDay(a.end) <= minutesOfDay(a.start)) problem(`${at}.end`, `must be after start (${a.start}), got ${a.end}`);
    else if (a.slotMinutes > minutesOfDay(a.end) - minutesOfDay(a.start)) {
      problem(`${at}.slotMinutes`, `must fit between start (${a.start}) and end (${a.end}), got ${a.slotMinutes}`);
    }
  },
  compile: (a) => ({ type: 'appointments', slots: weeklySlots(a.days, a.start, a.end, a.slotMinutes), perSlot: a.perSlot, noShow: a.noShow }),
});
