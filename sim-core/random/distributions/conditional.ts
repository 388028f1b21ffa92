/**
 * The time still to run of something that has already lasted `elapsed`
 * minutes: a draw from the distribution conditional on exceeding `elapsed`,
 * less `elapsed`. Used to start a run from a state in which patients are part
 * way through a step (forecasting from today's patients).
 *
 * This version is by rejection: draw until a value exceeds `elapsed`. It is
 * exact while the tail beyond `elapsed` is not too thin; after MAX_TRIES draws
 * without one it returns 0 (the step ends at once), since a patient that has
 * already lasted far beyond the distribution's range has nothing sensible left.
 * (A per-family version, drawing from the tail directly, replaces it.)
 */
import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';

const MAX_TRIES = 10_000;

/** The remaining time (>= 0) of a duration `d` that has already run `elapsed` minutes. */
export function remainingDuration(d: Distribution, rng: RandomStream, elapsed: number): number {
  if (!(elapsed > 0)) return Math.max(0, d.sample(rng));
  for (let k = 0; k < MAX_TRIES; k++) {
    const x = d.sample(rng);
    if (x > elapsed) return x - elapsed;
  }
  return 0;
}
