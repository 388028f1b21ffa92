/**
 * Every figure across replications: mean and 95% Student-t confidence interval,
 * x̄ ± t_{0.975, n−1} · s/√n, one row per replication in, one summary per figure id out.
 */

import { meanConfidenceInterval } from './confidence-interval.js';

export interface FigureSummary {
  /** Mean over the replications where the figure was finite; NaN when there were none. */
  readonly mean: number;
  /** [mean − halfWidth, mean + halfWidth]; NaN bounds when n < 2. */
  readonly ci95: readonly [lo: number, hi: number];
  /** Half-width of the 95% interval; NaN when n < 2. */
  readonly halfWidth: number;
  /** Number of replications in which the figure was present and finite. */
  readonly n: number;
  /** Sample standard deviation across those replications; NaN when n < 2. */
  readonly sd: number;
}

/**
 * Summarises every figure id that appears in any row. A value that is missing, NaN
 * or infinite in a replication (a mean wait where nobody waited, say) is left out of
 * that figure, and n counts only the finite values used, so the interval is honest
 * about how many replications support it. A figure that is never finite still gets
 * a summary, with n = 0 and NaN everywhere, so it does not silently vanish.
 * Figures come out in the order they are first met.
 * @example summariseReplications([{ wait: 10 }, { wait: 14 }]).wait.mean // 12
 */
export function summariseReplications(rows: ReadonlyArray<Readonly<Record<string, number>>>): Record<string, FigureSummary> {
  const finiteByFigure = new Map<string, number[]>();
  for (const row of rows) {
    for (const [figure, value] of Object.entries(row)) {
      let finite = finiteByFigure.get(figure);
      if (finite === undefined) {
        finite = [];
        finiteByFigure.set(figure, finite);
      }
      if (typeof value === 'number' && Number.isFinite(value)) finite.push(value);
    }
  }
  return fromFinite(finiteByFigure);
}

/**
 * The same summaries from rows that all have the same figures, given as columns:
 * `value(row, column)` is figure `names[column]` of row `row`. Equal to
 * summariseReplications of those rows as objects, without making them.
 * @example summariseColumns(['wait'], 2, (row) => [10, 14][row]!).wait.mean // 12
 */
export function summariseColumns(names: readonly string[], rows: number, value: (row: number, column: number) => number): Record<string, FigureSummary> {
  const finiteByFigure = new Map<string, number[]>();
  for (let column = 0; column < names.length; column++) {
    const finite: number[] = [];
    for (let row = 0; row < rows; row++) {
      const x = value(row, column);
      if (Number.isFinite(x)) finite.push(x);
    }
    finiteByFigure.set(names[column]!, finite);
  }
  return fromFinite(finiteByFigure);
}

function fromFinite(finiteByFigure: Map<string, number[]>): Record<string, FigureSummary> {
  // fromEntries defines own properties, so an id such as "__proto__" is kept as data.
  return Object.fromEntries(
    Array.from(finiteByFigure, ([figure, finite]): [string, FigureSummary] => {
      const ci = meanConfidenceInterval(finite, 0.95);
      return [figure, { mean: ci.mean, ci95: [ci.lo, ci.hi], halfWidth: ci.halfWidth, n: ci.n, sd: ci.sd }];
    }),
  );
}
