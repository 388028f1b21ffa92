/**
 * Units open or on duty by minute of the week, from the same blocks the
 * scenario uses for shifts, OR sessions and opening hours: a block whose end is
 * not after its start runs past midnight (as in scenarios/compile/weekly-profile).
 */
export const WEEK_MINUTES = 7 * 24 * 60;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export type DaysSpec = 'all' | 'weekdays' | 'weekend' | readonly string[];

export interface WeeklyBlock {
  days: DaysSpec;
  start: string;
  end: string;
  count: number;
}

/** Weekday indices (0 = Monday) of a `days` value. */
export function dayIndices(days: DaysSpec): number[] {
  if (days === 'all') return [0, 1, 2, 3, 4, 5, 6];
  if (days === 'weekdays') return [0, 1, 2, 3, 4];
  if (days === 'weekend') return [5, 6];
  return days.map((d) => WEEKDAYS.indexOf(d)).filter((d) => d >= 0);
}

/** "08:30" → 510. */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Units available at each minute of the week (Monday 00:00 = index 0). */
export function weekProfile(blocks: readonly WeeklyBlock[]): Uint16Array {
  const level = new Int32Array(WEEK_MINUTES + 1);
  for (const b of blocks) {
    const s = minutesOfDay(b.start);
    let e = minutesOfDay(b.end);
    if (e <= s) e += 1440;
    for (const day of dayIndices(b.days)) {
      const from = day * 1440 + s;
      const to = day * 1440 + e;
      if (to <= WEEK_MINUTES) {
        level[from]! += b.count;
        level[to]! -= b.count;
      } else {
        level[from]! += b.count;
        level[WEEK_MINUTES]! -= b.count;
        level[0]! += b.count;
        level[to - WEEK_MINUTES]! -= b.count;
      }
    }
  }
  const out = new Uint16Array(WEEK_MINUTES);
  let run = 0;
  for (let m = 0; m < WEEK_MINUTES; m++) {
    run += level[m]!;
    out[m] = Math.max(0, run);
  }
  return out;
}

/** The largest number of units the profile ever has. */
export function profileMax(profile: Uint16Array): number {
  let max = 0;
  for (let i = 0; i < profile.length; i++) if (profile[i]! > max) max = profile[i]!;
  return max;
}
