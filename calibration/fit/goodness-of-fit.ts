/**
 * Goodness of fit of a continuous distribution to a sample:
 * - Kolmogorov–Smirnov D = sup |Fₙ(x) − F(x)|, p-value from Kolmogorov's limit with
 *   Stephens' correction λ = (√n + 0.12 + 0.11/√n)·D (Numerical Recipes §14.3);
 * - Anderson–Darling A² = −n − (1/n) Σ (2i−1)[ln F(x₍ᵢ₎) + ln(1 − F(x₍ₙ₊₁₋ᵢ₎))], p-value from the
 *   asymptotic distribution (Marsaglia & Marsaglia 2004).
 * Both p-values assume the distribution was fixed in advance: with parameters estimated from
 * the same sample they are too large (conservative), so read them as a screen, not a test.
 * With right-censored values, D compares the Kaplan–Meier estimate with F and no p-value is given.
 */

export interface KsResult {
  statistic: number;
  /** NaN with censoring. */
  pValue: number;
}

export function kolmogorovSmirnov(values: readonly number[], cdf: (x: number) => number, censored: readonly boolean[] = []): KsResult {
  if (censored.some((c) => c)) return { statistic: kaplanMeierDistance(values, censored, cdf), pValue: NaN };
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(x[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return { statistic: d, pValue: kolmogorovPValue(d, n) };
}

/** P(D > d) for n values, asymptotically Q_KS(λ) = 2 Σ (−1)^{k−1} e^{−2k²λ²}. */
export function kolmogorovPValue(d: number, n: number): number {
  const sqrtN = Math.sqrt(n);
  const lambda = (sqrtN + 0.12 + 0.11 / sqrtN) * d;
  if (lambda < 0.2) return 1;
  let sum = 0;
  let sign = 1;
  for (let k = 1; k <= 100; k++) {
    const term = sign * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

export interface AdResult {
  statistic: number;
  pValue: number;
}

/** Null with censoring (A² has no simple censored form). */
export function andersonDarling(values: readonly number[], cdf: (x: number) => number, censored: readonly boolean[] = []): AdResult | null {
  if (censored.some((c) => c)) return null;
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  const eps = 1e-15;
  const f = x.map((v) => Math.min(1 - eps, Math.max(eps, cdf(v))));
  let s = 0;
  for (let i = 0; i < n; i++) s += (2 * i + 1) * (Math.log(f[i]!) + Math.log(1 - f[n - 1 - i]!));
  const a2 = -n - s / n;
  return { statistic: a2, pValue: 1 - andersonDarlingCdf(a2) };
}

/** P(A² < z) in the limit n → ∞ (Marsaglia & Marsaglia 2004, adinf; error below 2e-6). */
export function andersonDarlingCdf(z: number): number {
  if (z <= 0) return 0;
  if (z < 2) {
    return (Math.exp(-1.2337141 / z) / Math.sqrt(z)) * (2.00012 + (0.247105 - (0.0649821 - (0.0347962 - (0.011672 - 0.00168691 * z) * z) * z) * z) * z);
  }
  return Math.exp(-Math.exp(1.0776 - (2.30695 - (0.43424 - (0.082433 - (0.008056 - 0.0003146 * z) * z) * z) * z) * z));
}

/** The Kaplan–Meier estimate of P(X ≤ t) just after each observed (uncensored) time. */
export function kaplanMeier(values: readonly number[], censored: readonly boolean[]): { times: number[]; cdf: number[] } {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || Number(censored[a] === true) - Number(censored[b] === true));
  let atRisk = values.length;
  let survival = 1;
  const times: number[] = [];
  const out: number[] = [];
  let k = 0;
  while (k < order.length) {
    const t = values[order[k]!]!;
    let deaths = 0;
    let leaving = 0;
    while (k < order.length && values[order[k]!] === t) {
      if (censored[order[k]!] !== true) deaths++;
      leaving++;
      k++;
    }
    if (deaths > 0) {
      survival *= 1 - deaths / atRisk;
      times.push(t);
      out.push(1 - survival);
    }
    atRisk -= leaving;
  }
  return { times, cdf: out };
}

function kaplanMeierDistance(values: readonly number[], censored: readonly boolean[], cdf: (x: number) => number): number {
  const km = kaplanMeier(values, censored);
  let d = 0;
  let before = 0;
  km.times.forEach((t, i) => {
    const f = cdf(t);
    d = Math.max(d, Math.abs(km.cdf[i]! - f), Math.abs(before - f));
    before = km.cdf[i]!;
  });
  return d;
}
