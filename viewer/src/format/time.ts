/** Simulated minutes as a manager reads them: "Tue 6 Jan 2026 14:35 (day 2)". */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function baseMs(start: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(start);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) : 0;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export interface DateParts {
  year: number;
  /** 0 = January. */
  month: number;
  monthName: string;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  weekdayName: string;
  minuteOfDay: number;
}

/** The calendar date of a simulated time. Simulated time has no time zone: the arithmetic is done in UTC. */
export function dateParts(start: string, minutes: number): DateParts {
  const d = new Date(baseMs(start) + Math.floor(minutes) * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    monthName: MONTHS[d.getUTCMonth()]!,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    weekdayName: DAYS[d.getUTCDay()]!,
    minuteOfDay: d.getUTCHours() * 60 + d.getUTCMinutes(),
  };
}

/** "Tue 6 Jan 14:35". */
export function clockText(start: string, minutes: number): string {
  const p = dateParts(start, minutes);
  return `${p.weekdayName} ${p.day} ${p.monthName} ${pad(Math.floor(p.minuteOfDay / 60))}:${pad(p.minuteOfDay % 60)}`;
}

/** "Tuesday 6 January 2026, 14:35": what the time slider announces. */
export function spokenDate(start: string, minutes: number): string {
  const p = dateParts(start, minutes);
  return `${DAY_NAMES[p.weekday]} ${p.day} ${MONTH_NAMES[p.month]} ${p.year}, ${pad(Math.floor(p.minuteOfDay / 60))}:${pad(p.minuteOfDay % 60)}`;
}

/** "day 3" (day 1 is the first simulated day). */
export function dayText(minutes: number): string {
  return `day ${Math.floor(minutes / 1440) + 1}`;
}

/**
 * "day 3 of 49". The run's last instant (its end, a midnight) still belongs
 * to its last day: without the clamp the end would read "day 50 of 49".
 */
export function dayOfText(minutes: number, end: number): string {
  const days = Math.max(1, Math.ceil(end / 1440));
  return `day ${Math.min(days, Math.floor(minutes / 1440) + 1)} of ${days}`;
}

/** A length of time: "45 min", "3 h 20 min", "2 d 4 h". */
export function durationText(minutes: number): string {
  if (!Number.isFinite(minutes)) return '–';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 1440) return `${Math.floor(minutes / 60)} h ${pad(Math.round(minutes % 60))} min`;
  return `${Math.floor(minutes / 1440)} d ${Math.round((minutes % 1440) / 60)} h`;
}
