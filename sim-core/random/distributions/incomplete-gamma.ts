import { logGamma } from './special-functions.js';

/**
 * The incomplete gamma at (a, x), x > 0, as Numerical Recipes §6.2 computes it:
 * below a + 1 the series gives P(a, x); above, Lentz's continued fraction gives
 * ln Q(a, x) = ln(1 − P), kept on the log scale so far tails do not underflow.
 */
function incompleteGamma(a: number, x: number): { p: number } | { logQ: number } {
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return { p: Math.min(1, sum * Math.exp(logPrefix)) };
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
  return { logQ: logPrefix + Math.log(h) };
}

/** Regularised lower incomplete gamma P(a, x). */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const g = incompleteGamma(a, x);
  return 'p' in g ? g.p : 1 - Math.exp(g.logQ);
}

/** ln Q(a, x), the log of the regularised upper incomplete gamma 1 − P(a, x), accurate far into the tail. */
export function logRegularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 0;
  const g = incompleteGamma(a, x);
  return 'p' in g ? Math.log1p(-g.p) : g.logQ;
}
