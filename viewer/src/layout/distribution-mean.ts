/** The mean of a scenario distribution, for the viewer's estimates (how long a room stays in cleaning). */
export type DistributionLike = { type: string } & Record<string, unknown>;

export function distributionMean(d: DistributionLike): number {
  const n = (k: string): number => (typeof d[k] === 'number' ? (d[k] as number) : 0);
  switch (d.type) {
    case 'constant':
      return n('value');
    case 'uniform':
      return (n('min') + n('max')) / 2;
    case 'triangular':
      return (n('min') + n('mode') + n('max')) / 3;
    case 'exponential':
    case 'erlang':
    case 'lognormal':
    case 'poisson':
    case 'truncatedNormal':
      return n('mean');
    case 'gamma':
      return n('shape') * n('scale');
    case 'weibull':
      return n('scale') * gamma(1 + 1 / n('shape'));
    case 'bernoulli':
      return n('p');
    case 'empirical':
    case 'empiricalContinuous': {
      const values = Array.isArray(d.values) ? (d.values as number[]) : [];
      const weights = Array.isArray(d.weights) ? (d.weights as number[]) : values.map(() => 1);
      const total = weights.reduce((s, w) => s + w, 0);
      return total > 0 ? values.reduce((s, v, i) => s + v * (weights[i] ?? 0), 0) / total : 0;
    }
    default:
      return 0;
  }
}

/** Γ(x) for x > 0 by the Lanczos approximation (g = 7), good to ~15 digits. */
function gamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, y + 0.5) * Math.exp(-t) * a;
}
