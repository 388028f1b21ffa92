/**
 * Reading the times of an event log. Each time gives two numbers, both in
 * minutes since 1970-01-01T00:00: the instant (for durations, exact across
 * daylight-saving changes when the log or the mapping says the offset) and the
 * hospital's wall clock read as if it were UTC (for hours of the day and weekdays).
 */

export interface ParsedTime {
  /** Minutes since the Unix epoch, the true instant. */
  instant: number;
  /** The local wall clock, as minutes since the epoch of a UTC clock showing the same date and time. */
  wall: number;
  /** The finest unit written: 1 (minutes), 1/60 (seconds) or 1/60000 (milliseconds). */
  resolution: number;
}

export type TimeReader = (text: string) => ParsedTime | null;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Offset written in the text, minutes east of UTC; null when none. */
  offset: number | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A reader for `format` ("iso" or a pattern) in `zone` (IANA, UTC, ±HH:MM, or undefined: as written). */
export function timeReader(format: string, zone: string | undefined): TimeReader {
  const fields = format.toLowerCase() === 'iso' ? isoFields : patternFields(format);
  const zoneOffset = zone === undefined ? null : offsetFunction(zone);
  return (text) => {
    const f = fields(text.trim());
    if (f === null || !valid(f)) return null;
    const wallAsWritten = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond) / 60000;
    const resolution = f.millisecond !== 0 ? 1 / 60000 : f.second !== 0 ? 1 / 60 : 1;
    if (f.offset !== null) {
      const instant = wallAsWritten - f.offset;
      return { instant, wall: zoneOffset ? instant + zoneOffset.at(instant) : wallAsWritten, resolution };
    }
    if (!zoneOffset) return { instant: wallAsWritten, wall: wallAsWritten, resolution };
    return { instant: zoneOffset.instantOf(wallAsWritten), wall: wallAsWritten, resolution };
  };
}

function isoFields(text: string): Fields | null {
  const m = ISO.exec(text);
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millisecond: m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0,
    offset: m[8] ? parseOffset(m[8]) : null,
  };
}

const TOKENS: [string, string, keyof Fields | null][] = [
  ['YYYY', '(\\d{4})', 'year'],
  ['SSS', '(\\d{1,3})', 'millisecond'],
  ['MM', '(\\d{2})', 'month'],
  ['DD', '(\\d{2})', 'day'],
  ['HH', '(\\d{2})', 'hour'],
  ['mm', '(\\d{2})', 'minute'],
  ['ss', '(\\d{2})', 'second'],
  ['M', '(\\d{1,2})', 'month'],
  ['D', '(\\d{1,2})', 'day'],
  ['H', '(\\d{1,2})', 'hour'],
  ['Z', '(Z|[+-]\\d{2}(?::?\\d{2})?)', 'offset'],
];

/** A pattern such as "DD/MM/YYYY HH:mm:ss" (tokens YYYY MM M DD D HH H mm ss SSS Z; anything else is literal). */
function patternFields(pattern: string): (text: string) => Fields | null {
  let source = '^';
  const order: (keyof Fields)[] = [];
  let i = 0;
  while (i < pattern.length) {
    const token = TOKENS.find(([t]) => pattern.startsWith(t, i));
    if (token) {
      source += token[1];
      order.push(token[2]!);
      i += token[0].length;
    } else {
      source += pattern[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  const re = new RegExp(`${source}$`, 'i');
  return (text) => {
    const m = re.exec(text);
    if (!m) return null;
    const f: Fields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0, offset: null };
    order.forEach((name, k) => {
      const v = m[k + 1]!;
      if (name === 'offset') f.offset = parseOffset(v);
      else f[name] = Number(v);
    });
    return f;
  };
}

function valid(f: Fields): boolean {
  if (f.month < 1 || f.month > 12 || f.day < 1) return false;
  const daysInMonth = new Date(Date.UTC(f.year, f.month, 0)).getUTCDate();
  return f.day <= daysInMonth && f.hour <= 23 && f.minute <= 59 && f.second <= 59;
}

function parseOffset(text: string): number {
  if (text.toUpperCase() === 'Z' || text.toUpperCase() === 'UTC') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

interface ZoneOffset {
  /** Minutes east of UTC at an instant. */
  at(instant: number): number;
  /** The instant at which the zone's clock shows `wall` (the earlier one when the clock goes back). */
  instantOf(wall: number): number;
}

function offsetFunction(zone: string): ZoneOffset {
  if (/^(Z|UTC|[+-]\d{2}:?\d{2})$/i.test(zone)) {
    const offset = parseOffset(zone);
    return { at: () => offset, instantOf: (wall) => wall - offset };
  }
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  // Offsets change on whole hours (or half hours): one lookup per quarter hour is plenty.
  const cache = new Map<number, number>();
  const at = (instant: number): number => {
    const key = Math.floor(instant / 15);
    let offset = cache.get(key);
    if (offset === undefined) {
      const probe = key * 15;
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(new Date(probe * 60000))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
      const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!) / 60000;
      offset = Math.round(wall - probe);
      cache.set(key, offset);
    }
    return offset;
  };
  return {
    at,
    instantOf(wall) {
      // The offsets in force a day before and a day after; an offset is right if the zone has it at wall − offset.
      const before = at(wall - 1440);
      const after = at(wall + 1440);
      const fits = [before, after].filter((o) => at(wall - o) === o);
      // Two fit when the clock goes back (the earlier instant is taken); none in the hour skipped when it goes forward.
      return fits.length > 0 ? wall - Math.max(...fits) : wall - before;
    },
  };
}

/** "YYYY-MM-DDTHH:MM:SS" for a wall clock in minutes since the epoch (the export-log format). */
export function formatWall(wall: number): string {
  const d = new Date(Math.round(wall * 60) * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Minute of the week (Monday 00:00 = 0) of a wall clock. */
export function minuteOfWeek(wall: number): number {
  // 1970-01-01 was a Thursday: minute 0 of the epoch is minute 3·1440 of its week.
  const m = (wall + 3 * 1440) % 10080;
  return m < 0 ? m + 10080 : m;
}
