import { dayIndices, minutesOfDay, type Days } from '../schema/common.js';
import type { Roster } from '../../sim-core/index.js';

export const WEEK_MINUTES = 7 * 24 * 60;

export interface TimedBlock {
  days: Days;
  start: string;
  end: string;
}

/**
 * Units on duty over the week from blocks that each add `count` units between
 * start and end on their days; a block whose end is not after its start runs
 * past midnight into the next day (Sunday night runs into Monday).
 */
export function weeklyRoster(blocks: readonly (TimedBlock & { count: number })[]): Roster {
  const delta = new Map<number, number>();
  const add = (at: number, d: number): void => {
    delta.set(at, (delta.get(at) ?? 0) + d);
  };
  for (const b of blocks) {
    const s = minutesOfDay(b.start);
    let e = minutesOfDay(b.end);
    if (e <= s) e += 1440;
    for (const day of dayIndices(b.days)) {
      const from = day * 1440 + s;
      const to = day * 1440 + e;
      add(from, b.count);
      if (to >= WEEK_MINUTES) {
        // Runs into next Monday: on duty until the week's end and from Monday 00:00 again
        // (the running level restarts at 0 each cycle, so the end-of-week removal is implicit).
        add(0, b.count);
        add(to - WEEK_MINUTES, -b.count);
      } else {
        add(to, -b.count);
      }
    }
  }
  const points = [...delta.keys()].filter((t) => t < WEEK_MINUTES).sort((a, b) => a - b);
  if (!points.includes(0)) points.unshift(0);
  const changes: { at: number; capacity: number }[] = [];
  let level = 0;
  for (const t of points) {
    level += delta.get(t) ?? 0;
    changes.push({ at: t, capacity: level });
  }
  // Merge equal consecutive levels.
  const merged = changes.filter((c, i) => i === 0 || c.capacity !== changes[i - 1]!.capacity);
  return { changes: merged, cycle: WEEK_MINUTES };
}

/** Start minutes of slots of `slotMinutes` within each day's hours, over the week. */
export function weeklySlots(days: Days, start: string, end: string, slotMinutes: number): number[] {
  const s = minutesOfDay(start);
  let e = minutesOfDay(end);
  if (e <= s) e += 1440;
  const slots: number[] = [];
  for (const day of dayIndices(days)) {
    for (let t = s; t + slotMinutes <= e + 1e-9; t += slotMinutes) slots.push((day * 1440 + t) % WEEK_MINUTES);
  }
  return slots.sort((a, b) => a - b);
}
