/**
 * Ranking a sweep's points: the best feasible point by the mean of one figure,
 * and, honestly, which other points the replications cannot tell apart from it.
 */
import { finiteMean, pairedDifferenceInterval } from '../../sim-core/index.js';
import type { RankConstraint, RankSpec } from './sweep-spec.js';

/** A point's figures, replication by replication (index i = replication i + 1, the same at every point). */
export interface RankInput {
  id: string;
  figures: Readonly<Record<string, readonly number[]>>;
}

export interface RankedPoint {
  point: string;
  /** Mean of the rank figure over the replications where it is finite. */
  mean: number;
  feasible: boolean;
  constraints: { figure: string; mean: number; bound: number; kind: 'atLeast' | 'atMost'; met: boolean }[];
  /** 1 for the best; feasible points only, by mean. */
  rank?: number;
  /**
   * This point minus the best, paired by replication, with the Bonferroni-adjusted
   * interval; absent for the best and for infeasible points.
   */
  versusBest?: { mean: number; lo: number; hi: number; n: number; level: number };
  /** The best itself, or a feasible point whose interval against the best contains 0 (or cannot be computed). */
  indistinguishableFromBest: boolean;
}

export interface Ranking {
  by: string;
  order: 'min' | 'max';
  best: string | null;
  /** The best and every feasible point indistinguishable from it. */
  indistinguishable: string[];
  /** Feasible points by rank, then the infeasible ones in sweep order. */
  points: RankedPoint[];
  /** How feasibility, the best and indistinguishability were decided, in words. */
  method: string;
}

/**
 * @param familyConfidence simultaneous confidence of all comparisons with the best (default 0.95):
 *   each of the m comparisons is made at 1 − (1 − familyConfidence)/m (Bonferroni).
 */
export function rankPoints(points: readonly RankInput[], spec: RankSpec, familyConfidence = 0.95): Ranking {
  const constraints: RankConstraint[] = spec.constraint === undefined ? [] : Array.isArray(spec.constraint) ? spec.constraint : [spec.constraint];
  const sign = spec.order === 'min' ? 1 : -1;
  const ranked: RankedPoint[] = points.map((p) => {
    const checks = constraints.map((c) => {
      const mean = finiteMean(p.figures[c.figure] ?? []);
      const kind = c.atLeast !== undefined ? ('atLeast' as const) : ('atMost' as const);
      const bound = (c.atLeast ?? c.atMost)!;
      return { figure: c.figure, mean, bound, kind, met: kind === 'atLeast' ? mean >= bound : mean <= bound };
    });
    const mean = finiteMean(p.figures[spec.by] ?? []);
    return { point: p.id, mean, feasible: Number.isFinite(mean) && checks.every((c) => c.met), constraints: checks, indistinguishableFromBest: false };
  });

  const feasible = ranked.filter((r) => r.feasible).sort((a, b) => sign * (a.mean - b.mean));
  feasible.forEach((r, i) => (r.rank = i + 1));
  const best = feasible[0];
  const comparisons = Math.max(1, feasible.length - 1);
  const level = 1 - (1 - familyConfidence) / comparisons;
  if (best) {
    best.indistinguishableFromBest = true;
    const bestValues = points.find((p) => p.id === best.point)!.figures[spec.by] ?? [];
    for (const r of feasible.slice(1)) {
      const values = points.find((p) => p.id === r.point)!.figures[spec.by] ?? [];
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < Math.min(values.length, bestValues.length); i++) {
        if (Number.isFinite(values[i]) && Number.isFinite(bestValues[i])) {
          a.push(values[i]!);
          b.push(bestValues[i]!);
        }
      }
      const ci = pairedDifferenceInterval(a, b, level);
      r.versusBest = { mean: ci.mean, lo: ci.lo, hi: ci.hi, n: ci.n, level };
      // Fewer than 2 pairs give no interval: nothing shows the point is worse.
      r.indistinguishableFromBest = !(ci.lo > 0 || ci.hi < 0);
    }
  }
  const infeasible = ranked.filter((r) => !r.feasible);
  return {
    by: spec.by,
    order: spec.order,
    best: best?.point ?? null,
    indistinguishable: feasible.filter((r) => r.indistinguishableFromBest).map((r) => r.point),
    points: [...feasible, ...infeasible],
    method: describeMethod(spec, constraints, feasible.length, level, familyConfidence),
  };
}

function describeMethod(spec: RankSpec, constraints: RankConstraint[], feasible: number, level: number, family: number): string {
  const pct = (x: number): string => `${+(100 * x).toPrecision(4)}%`;
  const feasibility = constraints.length
    ? `Feasible: the mean over replications of ${constraints.map((c) => (c.atLeast !== undefined ? `${c.figure} is at least ${c.atLeast}` : `${c.figure} is at most ${c.atMost}`)).join(', and ')} (the point estimate, not a confidence bound, so a point near a bound may miss it in a given period).`
    : 'Feasible: every point (no constraint).';
  const bestRule = `Best: the feasible point with the ${spec.order === 'min' ? 'lowest' : 'highest'} mean ${spec.by}.`;
  const m = Math.max(0, feasible - 1);
  const paired = `paired t-interval of its difference from the best in ${spec.by} contains 0 (paired by replication: every point ran the same seed and replication numbers, i.e. common random numbers)`;
  const indistinguishable =
    m === 0
      ? 'Indistinguishable: no other feasible point to compare.'
      : m === 1
        ? `Indistinguishable from the best: the ${pct(level)} ${paired}.`
        : `Indistinguishable from the best: the ${pct(level)} ${paired}; each of the ${m} comparisons with the best is made at ${pct(level)} so that all hold together with ${pct(family)} confidence (Bonferroni).`;
  return `${feasibility} ${bestRule} ${indistinguishable}`;
}
