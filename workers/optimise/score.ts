/**
 * How the search compares solutions from their replications so far: a solution
 * whose constraint means all meet their bounds beats one that misses any; among
 * those that meet them, the better objective mean wins; among those that miss,
 * the smaller total miss (each in units of its tolerance).
 */
import { finiteMean } from '../../sim-core/index.js';
import { measureValue, slack, type Goal } from './measure.js';

export interface Score {
  /** Objective mean, signed so that lower is better. */
  cost: number;
  /** Objective mean as measured. */
  mean: number;
  /** Each constraint's mean slack (≥ 0 met). */
  slacks: number[];
  feasible: boolean;
  /** Σ over constraints of how far the mean misses, in tolerances. */
  violation: number;
  n: number;
}

export function scoreOf(goal: Goal, rows: readonly Readonly<Record<string, number>>[]): Score {
  const values = rows.map((r) => measureValue(goal.measure, r));
  const mean = finiteMean(values);
  const slacks = goal.constraints.map((c) => finiteMean(rows.map((r) => slack(c, r))));
  const violation = goal.constraints.reduce((sum, c, i) => sum + Math.max(0, -(slacks[i] ?? Number.NaN)) / c.tolerance, 0);
  const finite = Number.isFinite(mean) && slacks.every(Number.isFinite);
  return {
    cost: goal.order === 'min' ? mean : -mean,
    mean,
    slacks,
    feasible: finite && slacks.every((s) => s >= 0),
    violation: finite ? violation : Number.POSITIVE_INFINITY,
    n: rows.length,
  };
}

/** Negative when a is better than b. */
export function compareScores(a: Score, b: Score): number {
  if (a.feasible !== b.feasible) return a.feasible ? -1 : 1;
  if (!a.feasible && a.violation !== b.violation) return a.violation - b.violation;
  if (!Number.isFinite(a.cost) || !Number.isFinite(b.cost)) return Number.isFinite(a.cost) ? -1 : Number.isFinite(b.cost) ? 1 : 0;
  return a.cost - b.cost;
}
