/**
 * Units open or on duty by minute of the week, from the same blocks the
 * scenario uses for shifts, OR sessions and opening hours, expanded by the
 * scenario compiler's own roster (so the scene shows what the simulation runs,
 * overnight blocks included).
 */
import { weeklyRoster, WEEK_MINUTES, type TimedBlock } from '../../../scenarios/index.js';

export { WEEK_MINUTES };

/** Units available at each minute of the week (Monday 00:00 = index 0). */
export function weekProfile(blocks: readonly (TimedBlock & { count: number })[]): Uint16Array {
  const { changes } = weeklyRoster(blocks);
  const out = new Uint16Array(WEEK_MINUTES);
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
