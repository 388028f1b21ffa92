/**
 * The x > t at which a distribution's log survival ln S(x) falls to `target`
 * (< ln S(t)): inverting the survival function of a distribution truncated
 * below at t, for families without a closed-form quantile (gamma, Erlang).
 * Newton's method on ln S, whose slope is minus the hazard f(x)/S(x), kept
 * inside a bracket that bisection narrows whenever a Newton step would leave it,
 * so it converges for any unimodal density.
 *
 * `scale` is a length typical of the distribution (its sd), used to grow the bracket.
 */
export function invertLogSurvival(logSurvival: (x: number) => number, logDensity: (x: number) => number, t: number, target: number, scale: number): number {
  let lo = t;
  let step = scale;
  let hi = t + step;
  while (logSurvival(hi) > target) {
    lo = hi;
    step *= 2;
    hi = t + step;
    if (!Number.isFinite(hi)) return lo;
  }
  let x = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const ls = logSurvival(x);
    if (ls > target) lo = x;
    else hi = x;
    const hazard = Math.exp(logDensity(x) - ls);
    let next = x + (ls - target) / hazard;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-12 * Math.max(1, Math.abs(x)) || hi - lo <= 1e-12 * Math.max(1, Math.abs(hi))) return next;
    x = next;
  }
  return x;
}
