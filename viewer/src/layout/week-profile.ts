/**
 * Units open or on duty by minute of the week, from the compiled model's own
 * roster (staff shifts, OR sessions, opening hours), so the scene shows what
 * the simulation runs, overnight blocks included.
 */
import type { Roster } from '../../../sim-core/index.js';
import { WEEK_MINUTES } from '../../../scenarios/index.js';

export { WEEK_MINUTES };

/** Units available at each minute of the week (Monday 00:00 = index 0), from a weekly roster. */
export function rosterProfile(roster: Roster): Uint16Array {
  const changes = [...roster.changes].sort((a, b) => a.at - b.at);
  const out = new Uint16Array(WEEK_MINUTES);
  // Before the first change the week runs on from the last (a roster need not change at Monday 00:00).
  out.fill(Math.max(0, changes.at(-1)?.capacity ?? 0));
  for (let k = 0; k < changes.length; k++) {
    const until = k + 1 < changes.length ? changes[k + 1]!.at : WEEK_MINUTES;
    out.fill(Math.max(0, changes[k]!.capacity), changes[k]!.at, until);
  }
  return out;
}

/** The largest number of units the profile ever has. */
export function profileMax(profile: Uint16Array): number {
  let max = 0;
  for (let i = 0; i < profile.length; i++) if (profile[i]! > max) max = profile[i]!;
  return max;
}
