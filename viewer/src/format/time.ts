/** Simulated minutes as a manager reads them: "Tue 6 Jan 14:35 (day 2)". */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function baseMs(start: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(start);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) : 0;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "Tue 6 Jan 14:35". Simulated time has no time zone: the arithmetic is done in UTC. */
export function clockText(start: string, minutes: number): string {
  const d = new Date(baseMs(start) + Math.floor(minutes) * 60_000);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "day 3" (day 1 is the first simulated day). */
export function dayText(minutes: number): string {
  return `day ${Math.floor(minutes / 1440) + 1}`;
}

/** A length of time: "45 min", "3 h 20 min", "2 d 4 h". */
export function durationText(minutes: number): string {
  if (!Number.isFinite(minutes)) return '–';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 1440) return `${Math.floor(minutes / 60)} h ${pad(Math.round(minutes % 60))} min`;
  return `${Math.floor(minutes / 1440)} d ${Math.round((minutes % 1440) / 60)} h`;
}
