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

  /** Per quantity: forecasts, rms error, the forecast's sd, the spread ratio and the 80% band's coverage, each ratio with its standard error. */
  summary(): SpreadSummary[] {
    return [...this.rows].map(([key, rows]) => {
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
      return {
        key,
        forecasts: n,
        rmsError: Math.sqrt(sq),
        forecastSd: Math.sqrt(expected),
        ratio: sq / expected,
        // The ratio's standard error by the delta method over forecasts (each forecast one pair).
        ratioSe: se((p) => p.sq / expected - (sq / expected ** 2) * p.expected),
        coverage: mean((p) => p.covered),
        coverageSe: se((p) => p.covered),
      };
    });
  }

  /** One line per quantity, for people: beds, shares in %. */
  lines(): string[] {
    return this.summary()
      .filter((x) => x.forecastSd > 0 || x.rmsError > 0)
      .map(
        (x) =>
          `  ${x.key}: ${x.forecasts} forecasts; rms error ${x.rmsError.toFixed(2)}, forecast sd ${x.forecastSd.toFixed(2)}; spread ratio ${Number.isFinite(x.ratio) ? `${x.ratio.toFixed(2)} ± ${x.ratioSe.toFixed(2)}` : 'n/a (no spread)'}; 80% band held ${(100 * x.coverage).toFixed(1)}% ± ${(100 * x.coverageSe).toFixed(1)}`,
      );
  }
}

export interface SpreadSummary {
  key: string;
  forecasts: number;
  rmsError: number;
  forecastSd: number;
  /** (truth − mean)² over the replications' variance × (1 + 1/R): 1 when the spread is right. */
  ratio: number;
  ratioSe: number;
  /** Share of forecasts whose randomised PIT falls in 0.1–0.9. */
  coverage: number;
  coverageSe: number;
}
