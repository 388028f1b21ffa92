import { pairedDifferenceInterval } from '../sim-core/index.js';
import type { ExperimentResult } from './run-replications.js';

export interface FigureDifference {
  /** Mean of B - A over paired replications. */
  mean: number;
  ci95: [number, number];
  n: number;
  /** The interval excludes 0. */
  significant: boolean;
  meanA: number;
  meanB: number;
}

/**
 * Paired differences B - A, replication by replication. Both runs must use the
 * same seed and replication numbers: then each pair shares its random numbers
 * (common random numbers) and the interval of the difference is narrow.
 */
export function compareResults(a: ExperimentResult, b: ExperimentResult): Record<string, FigureDifference> {
  if (a.seed !== b.seed) throw new Error(`compare: runs must share a seed for common random numbers (got ${a.seed} and ${b.seed})`);
  const byRep = new Map(b.perReplication.map((r) => [r.replication, r.figures]));
  const out: Record<string, FigureDifference> = {};
  const ids = Object.keys(a.figures).filter((id) => id in b.figures);
  for (const id of ids) {
    const xa: number[] = [];
    const xb: number[] = [];
    for (const r of a.perReplication) {
      const va = r.figures[id];
      const vb = byRep.get(r.replication)?.[id];
      if (va !== undefined && vb !== undefined && Number.isFinite(va) && Number.isFinite(vb)) {
        xa.push(va);
        xb.push(vb);
      }
    }
    if (xa.length === 0) continue;
    const ci = pairedDifferenceInterval(xb, xa, 0.95);
    const mean = ci.mean;
    out[id] = {
      mean,
      ci95: [ci.lo, ci.hi],
      n: ci.n,
      significant: ci.n >= 2 && (ci.lo > 0 || ci.hi < 0),
      meanA: xa.reduce((s, x) => s + x, 0) / xa.length,
      meanB: xb.reduce((s, x) => s + x, 0) / xb.length,
    };
  }
  return out;
}
