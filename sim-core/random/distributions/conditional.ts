import type { Distribution } from '../distribution.js';
import type { RandomStream } from '../stream.js';
import { familyOf } from './families/index.js';
import { specOf } from './spec.js';

/**
 * The rest of a duration X that has already lasted `elapsed` minutes: a draw
 * of X − elapsed given X > elapsed (Oakley et al. 2019, who re-start a ward
 * simulation each day from its inpatients). A patient 5 days into a stay draws
 * the rest of it from the stay distribution conditioned on exceeding 5 days.
 *
 * Exact for every family, each by its own formula in its module (families/):
 * the exponential forgets (a fresh draw); Weibull, uniform, triangular and the
 * piecewise-linear empirical invert their CDF
 * truncated at `elapsed`; the lognormal and truncated normal draw a normal
 * truncated below (Robert 1995); gamma and Erlang reject draws not above
 * `elapsed` while at least a quarter of the mass lies above, and beyond that
 * invert the survival function numerically; discrete families draw among the
 * values above `elapsed`, with their weights.
 *
 * `elapsed` <= 0 is a step just begun: an ordinary draw. A patient who has
 * already outlasted every value the distribution can take (a constant, an
 * empirical list, a bounded family) has 0 left: the step ends at once.
 */
export function remainingDuration(d: Distribution, rng: RandomStream, elapsed: number): number {
  if (!(elapsed > 0)) return d.sample(rng);
  const spec = specOf(d);
  if (spec === undefined) return byRejection(d, rng, elapsed);
  return Math.max(0, familyOf(spec).remaining(spec, d, rng, elapsed));
}

/** Draws of X until one exceeds t: exact, used only where that is likely. */
function byRejection(d: Distribution, rng: RandomStream, t: number): number {
  // A sampler built by hand (no spec): exact while the tail has mass; a patient
  // beyond anything it draws in 100,000 tries is taken to have nothing left.
  for (let i = 0; i < 100_000; i++) {
    const x = d.sample(rng);
    if (x > t) return x - t;
  }
  return 0;
}
