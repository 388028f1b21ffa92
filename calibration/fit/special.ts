/**
 * Special functions the fits need beyond sim-core's: digamma and trigamma
 * (gamma MLE), the log of the upper incomplete gamma (censored gamma fits) and
 * a complementary error function accurate in the tails (censored lognormal fits).
 */
import { logGamma } from '../../sim-core/index.js';

/**
 * ψ(x) = d/dx ln Γ(x), x > 0: recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the
 * asymptotic series (Abramowitz & Stegun 6.3.18). ψ(1) = −0.5772156649 (−γ).
 */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return shift + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

/** ψ′(x), x > 0: recurrence ψ′(x) = ψ′(x+1) + 1/x², then A&S 6.4.12. ψ′(1) = π²/6. */
export function trigamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += 1 / (x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  return shift + 1 / x + f / 2 + (f / x) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}

/**
 * ln Q(a, x), the log of the regularised upper incomplete gamma 1 − P(a, x):
 * series below a + 1, Lentz's continued fraction above (Numerical Recipes §6.2),
 * computed on the log scale so far tails do not underflow to log 0.
 */
export function logUpperGamma(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.log1p(-Math.min(1, sum * Math.exp(logPrefix)));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return logPrefix + Math.log(h);
}

/** erfc(x) with fractional error below 1.2e-7 everywhere (Numerical Recipes §6.2, Chebyshev fit). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** ln(1 − Φ(z)) for the standard normal, accurate far into the upper tail. */
export function logNormalSurvival(z: number): number {
  return Math.log(0.5 * erfc(z / Math.SQRT2));
}
