import { z } from 'zod';

/** Ids name things in a scenario and are how steps refer to them. */
export const Id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must be an id: a letter, then letters, digits, _ or -');

/** A clock time "HH:MM" within a day; "24:00" is the end of the day. */
export const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time "HH:MM" (00:00 to 24:00)');

/** A day of the year "MM-DD", any year (29 February included). */
export const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a day of the year "MM-DD"')
  .refine((md) => {
    const [m, d] = md.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(2024, m - 1, d)).getUTCMonth() === m - 1;
  }, 'is not a day of the year');

/** A local date and time "YYYY-MM-DDTHH:MM" that is on the calendar: no 13th month, 30 February or 99:99. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a date and time "YYYY-MM-DDTHH:MM"')
  .superRefine((text, ctx) => {
    const problem = calendarProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem}, got ${JSON.stringify(text)}`, input: undefined });
  });

/** Why "YYYY-MM-DDTHH:MM" is not a real date and time, or undefined. */
function calendarProblem(text: string): string | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!parts) return undefined; // the pattern's own message says what is wrong
  const [y, mo, d, h, mi] = parts.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12) return `has no month ${mo} (months are 01 to 12)`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `has no day ${d} in that month (${String(mo).padStart(2, '0')}/${y} has ${days} days)`;
  if (h > 23) return `has no hour ${h} (hours are 00 to 23)`;
  if (mi > 59) return `has no minute ${mi} (minutes are 00 to 59)`;
  return undefined;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(WEEKDAYS);

/** Which days of the week something applies to. */
export const Days = z.union([z.literal('all'), z.literal('weekdays'), z.literal('weekend'), z.array(Weekday).min(1, 'must name at least one day')]);
export type Days = z.infer<typeof Days>;

export const nonNegative = () => z.number().finite().nonnegative('must be 0 or more');
export const positive = () => z.number().finite().positive('must be more than 0');
export const count = () => z.number().int('must be a whole number').nonnegative('must be 0 or more');
export const probability = () => z.number().min(0, 'must be a probability in [0, 1]').max(1, 'must be a probability in [0, 1]');

/** Minutes from midnight of a clock time. */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** The weekday indices (0 = Monday) a `Days` value covers. */
export function dayIndices(days: Days): number[] {
  if (days === 'all') return [0, 1, 2, 3, 4, 5, 6];
  if (days === 'weekdays') return [0, 1, 2, 3, 4];
  if (days === 'weekend') return [5, 6];
  return days.map((d) => WEEKDAYS.indexOf(d));
}
