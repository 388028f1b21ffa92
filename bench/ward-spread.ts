/**
 * Is a forecast's spread the size of its error? For one quantity (a flow into or out of a
 * ward over some hours, or the census's change), each forecast gives R replications and the
 * reference run one truth. If the forecast is calibrated, the truth is one more draw from the
 * replications' distribution, so the squared error of their mean, (truth − mean)², averages
 * the replications' variance × (1 + 1/R). Their ratio (the "spread ratio") is 1 when the
 * spread is right, above 1 when the forecast's band is too narrow (a U-shaped PIT), below 1
 * when too wide (a humped PIT). The randomised PIT gives the 80% band's coverage alongside.
 * Used by ward-flows.ts (docs/forecast-backtest.md, "Where the targets are not met").
 */

interface Entry {
  group: number;
  sq: number;
  expected: number;
  covered: number;
}

export class SpreadTally {
  private readonly rows = new Map<string, Entry[]>();

  /** `group` is the forecast: entries of one forecast (e.g. its hours) count as one value in the standard errors. */
  constructor(private readonly uniform: () => number) {}

  add(key: string, group: number, replications: readonly number[], truth: number): void {
    const r = replications.length;
    const mean = replications.reduce((a, b) => a + b, 0) / r;
    const variance = replications.reduce((a, b) => a + (b - mean) ** 2, 0) / (r - 1);
    const below = replications.filter((x) => x < truth).length / r;
    const at = replications.filter((x) => x === truth).length / r;
    const pit = below + this.uniform() * at;
    const rows = this.rows.get(key) ?? [];
    rows.push({ group, sq: (truth - mean) ** 2, expected: variance * (1 + 1 / r), covered: pit >= 0.1 && pit <= 0.9 ? 1 : 0 });
    this.rows.set(key, rows);
  }

  /** One line per quantity: forecasts, truth's rms error, the forecast's sd, the spread ratio ± se, 80% coverage ± se. */
  lines(): string[] {
    const out: string[] = [];
    for (const [key, rows] of this.rows) {
      const groups = new Map<number, Entry[]>();
      for (const e of rows) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
      const per = [...groups.values()].map((es) => ({
        sq: es.reduce((a, e) => a + e.sq, 0) / es.length,
        expected: es.reduce((a, e) => a + e.expected, 0) / es.length,
        covered: es.reduce((a, e) => a + e.covered, 0) / es.length,
      }));
      const n = per.length;
      const mean = (f: (p: (typeof per)[number]) => number): number => per.reduce((a, p) => a + f(p), 0) / n;
      const se = (f: (p: (typeof per)[number]) => number): number => {
        const m = mean(f);
        return Math.sqrt(per.reduce((a, p) => a + (f(p) - m) ** 2, 0) / Math.max(1, n - 1) / n);
      };
      const sq = mean((p) => p.sq);
      const expected = mean((p) => p.expected);
      // The ratio's standard error by the delta method over forecasts (each forecast one pair).
      const ratioSe = se((p) => p.sq / expected - (sq / expected ** 2) * p.expected);
      const ratio = expected > 0 ? (sq / expected).toFixed(2) : 'n/a (no spread)';
      out.push(
        `  ${key}: ${n} forecasts; rms error ${Math.sqrt(sq).toFixed(2)}, forecast sd ${Math.sqrt(expected).toFixed(2)}; spread ratio ${ratio} ± ${ratioSe.toFixed(2)}; 80% band held ${(100 * mean((p) => p.covered)).toFixed(1)}% ± ${(100 * se((p) => p.covered)).toFixed(1)}`,
      );
    }
    return out;
  }
}
