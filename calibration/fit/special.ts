/**
 * Special functions the fits need beyond sim-core's (which has the incomplete
 * gamma, on the log scale too, for censored gamma fits): digamma and trigamma
 * (gamma MLE) and a complementary error function accurate in the tails
 * (censored lognormal fits).
 */

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

/** erfc(x) with fractional error below 1.2e-7 everywhere (Numerical Recipes §6.2, Chebyshev fit). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** ln(1 − Φ(z)) for the standard normal, accurate far into the upper tail. */
export function logNormalSurvival(z: number): number {
  return Math.log(0.5 * erfc(z / Math.SQRT2));
}
