/**
 * "2026-01-05T08:30" plus simulated minutes as a local date-time to the second,
 * "2026-01-05T10:15:00". Simulated time has no time zone and no daylight-saving
 * jumps (hour-of-week rules are exact), so the arithmetic is done on a UTC clock
 * and printed without a zone.
 */
export function localDateTime(start: string, minutes: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(start);
  if (!m) throw new Error(`not a "YYYY-MM-DDTHH:MM" start: ${start}`);
  const base = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return new Date(base + Math.round(minutes * 60) * 1000).toISOString().slice(0, 19);
}
