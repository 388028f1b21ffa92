/**
 * The final selection among the search's best candidates, with a statistical
 * guarantee: the fully sequential procedure for constrained systems of
 * Andradóttir & Kim (2010, Naval Research Logistics 57(5):403–421), which runs
 * a feasibility check on each constraint beside the KN comparison of the
 * objective (Kim & Nelson 2001, ACM TOMACS 11(3):251–273), all on common random
 * numbers: replication j of every candidate shares its random numbers, and the
 * variances used are those of the paired differences.
 *
 * After n0 replications of each candidate, one replication (or a batch) more is
 * added to every survivor at a time. A candidate leaves when its running sum of
 * slack on a constraint falls below −R(r) (infeasible), or when a candidate shown
 * feasible beats it by more than W(r) in the running sum of objective
 * differences. R(r) = max(0, h²S²/(2ε) − εr/2), W(r) = max(0, h²S²/(2δ) − δr/2),
 * with h² = 2η(n0 − 1) and η = ½[(2α/m)^(−2/(n0−1)) − 1] for m tests.
 */
import { finiteMean, studentTQuantile } from '../../sim-core/index.js';
import { solutionKey, type Solution } from './decision-space.js';
import type { Evaluations } from './evaluations.js';
import { measureValue, slack, type Goal } from './measure.js';

export interface SelectionOptions {
  confidence: number;
  /** δ; default 1% of the best candidate's first-stage mean. */
  indifference?: number;
  firstStage: number;
  /** A solution in words, for the reasons candidates leave (default: its indices). */
  name?: (x: Solution) => string;
}

export interface CandidateResult {
  x: Solution;
  n: number;
  objective: { mean: number; lo: number; hi: number; level: number };
  constraints: {
    label: string;
    kind: 'atLeast' | 'atMost';
    bound: number;
    mean: number;
    confidenceBound: number;
    level: number;
    decision: 'feasible' | 'infeasible' | 'undecided';
  }[];
  /**
   * Left the selection: shown infeasible, or dropped for a feasible candidate; `shownWorse`
   * false when dropped within the indifference zone, its paired interval including 0.
   */
  eliminated?: { at: number; reason: string; shownWorse?: boolean };
}

export interface SelectionOutcome {
  chosen: Solution | undefined;
  /** The chosen was shown to meet every constraint (not just undecided when the budget ran out). */
  chosenShownFeasible: boolean;
  /** Candidates still in the selection when it stopped, other than the chosen: the runners-up it could not tell apart. */
  indistinguishable: Solution[];
  candidates: CandidateResult[];
  indifference: number;
  /** The procedure ended by its own rule, not by the budget, with every candidate in it. */
  finished: boolean;
  replications: number;
}

/** What the selection reads of the evaluations: replications of each candidate on demand, and the budget left. */
export type SelectionEvaluations = Pick<Evaluations, 'ensure' | 'rows' | 'remaining'>;

export async function selectBest(
  goal: Goal,
  evaluations: SelectionEvaluations,
  candidates: readonly Solution[],
  options: SelectionOptions,
): Promise<SelectionOutcome> {
  const n0 = options.firstStage;
  await evaluations.ensure(candidates, n0);
  const usable = candidates.filter((x) => evaluations.rows(x).length >= n0);
  const k = usable.length;
  const sign = goal.order === 'min' ? 1 : -1;
  const objective = (x: Solution, j: number): number => sign * measureValue(goal.measure, evaluations.rows(x)[j]!);
  const slackOf = (x: Solution, c: number, j: number): number => slack(goal.constraints[c]!, evaluations.rows(x)[j]!);

  const firstMeans = usable.map((x) => finiteMean(Array.from({ length: n0 }, (_, j) => objective(x, j))));
  const bestFirst = Math.min(...firstMeans.filter(Number.isFinite));
  const delta = options.indifference ?? (Number.isFinite(bestFirst) && bestFirst !== 0 ? Math.abs(bestFirst) * 0.01 : 1e-9);
  // h² = 2η(n0 − 1) with η = ½[(2α/m)^(−2/(n0−1)) − 1], for m tests made together (Bonferroni).
  const hSquared = (alpha: number, tests: number): number => (n0 - 1) * (((2 * alpha) / tests) ** (-2 / (n0 - 1)) - 1);
  const h2 = k > 1 ? hSquared(1 - options.confidence, k - 1) : 0;
  const h2c = goal.constraints.map((c) => hSquared(1 - c.confidence, Math.max(1, k)));
  const variance = (f: (j: number) => number): number => sampleVariance(Array.from({ length: n0 }, (_, j) => f(j)));
  const s2 = usable.map((xi) => usable.map((xl) => variance((j) => objective(xi, j) - objective(xl, j))));
  const s2c = usable.map((x) => goal.constraints.map((_, c) => variance((j) => slackOf(x, c, j))));

  const decision = usable.map(() => goal.constraints.map(() => 'undecided' as 'feasible' | 'infeasible' | 'undecided'));
  const eliminated = new Map<number, NonNullable<CandidateResult['eliminated']>>();
  const alive = (): number[] => usable.map((_, i) => i).filter((i) => !eliminated.has(i) && Number.isFinite(firstMeans[i]!));
  usable.forEach((_, i) => {
    if (!Number.isFinite(firstMeans[i]!)) eliminated.set(i, { at: n0, reason: 'its objective is undefined in some replication' });
  });
  const shownFeasible = (i: number): boolean => decision[i]!.every((d) => d === 'feasible');

  /**
   * Why i leaves for l, in words that say what was shown: KN drops i once it is not
   * better than l by the indifference zone, which keeps the guarantee (the chosen is
   * within δ of the best) whether or not i was shown worse. It was shown worse only
   * when the paired difference's interval lies above 0; otherwise the two could not
   * be told apart, and the report says so.
   */
  const dropped = (xi: Solution, xl: Solution, n: number): NonNullable<CandidateResult['eliminated']> => {
    const d = Array.from({ length: n }, (_, j) => objective(xi, j) - objective(xl, j));
    const mean = d.reduce((a, v) => a + v, 0) / n;
    const half = n > 1 ? studentTQuantile(1 - (1 - options.confidence) / 2, n - 1) * Math.sqrt(sampleVariance(d) / n) : Number.POSITIVE_INFINITY;
    const name = (options.name ?? solutionKey)(xl);
    const paired = `paired difference ${roundText(sign * mean)} +/- ${roundText(half)}`;
    if (mean - half > 0) return { at: n, reason: `shown worse than ${name} (${paired})`, shownWorse: true };
    return {
      at: n,
      reason: `could not be told apart from ${name} (${paired} includes 0); dropped as within the indifference zone (${roundText(delta)}) of it`,
      shownWorse: false,
    };
  };

  let r = n0;
  // No candidate has its first stage (the budget ran out): nothing to select among.
  let finished = false;
  for (; k > 0;) {
    const survivors = alive();
    // Feasibility check on every undecided constraint.
    for (const i of survivors) {
      goal.constraints.forEach((c, ci) => {
        if (decision[i]![ci] !== 'undecided') return;
        let sum = 0;
        for (let j = 0; j < r; j++) sum += slackOf(usable[i]!, ci, j);
        const R = Math.max(0, (h2c[ci]! * s2c[i]![ci]!) / (2 * c.tolerance) - (c.tolerance * r) / 2);
        if (Number.isNaN(sum)) {
          // A replication where the figure is undefined (no ED patient left, say) cannot show the constraint met.
          decision[i]![ci] = 'infeasible';
          eliminated.set(i, { at: r, reason: `${c.label} is undefined in some replication` });
        } else if (sum > R) decision[i]![ci] = 'feasible';
        else if (sum < -R) {
          decision[i]![ci] = 'infeasible';
          eliminated.set(i, { at: r, reason: `shown not to meet ${c.label} ${c.kind === 'atLeast' ? '>=' : '<='} ${c.bound}` });
        }
      });
    }
    // Comparison: a candidate shown feasible eliminates one it beats by more than W(r).
    const out = new Map<number, NonNullable<CandidateResult['eliminated']>>();
    for (const i of alive()) {
      for (let j = 0; j < r; j++)
        if (!Number.isFinite(objective(usable[i]!, j))) out.set(i, { at: r, reason: `its objective is undefined in replication ${j + 1}` });
    }
    for (const [i, why] of out) eliminated.set(i, why);
    out.clear();
    const still = alive();
    for (const i of still) {
      for (const l of still) {
        if (l === i || !shownFeasible(l)) continue;
        let sum = 0;
        for (let j = 0; j < r; j++) sum += objective(usable[i]!, j) - objective(usable[l]!, j);
        const W = Math.max(0, (h2 * s2[i]![l]!) / (2 * delta) - (delta * r) / 2);
        if (sum > W) {
          out.set(i, dropped(usable[i]!, usable[l]!, r));
          break;
        }
      }
    }
    for (const [i, why] of out) eliminated.set(i, why);
    const left = alive();
    if (left.length === 0 || (left.length === 1 && shownFeasible(left[0]!))) {
      finished = true;
      break;
    }
    const step = Math.max(1, Math.floor(r / 10));
    if (evaluations.remaining() < left.length * step) break;
    await evaluations.ensure(
      left.map((i) => usable[i]!),
      r + step,
    );
    if (left.some((i) => evaluations.rows(usable[i]!).length < r + step)) break;
    r += step;
  }

  const left = alive();
  const pool = left.filter(shownFeasible).length > 0 ? left.filter(shownFeasible) : left;
  const mean = (i: number): number => finiteMean(Array.from({ length: r }, (_, j) => objective(usable[i]!, j)));
  const chosenIndex = pool.sort((a, b) => mean(a) - mean(b))[0];
  const results = usable.map((x, i) => describeCandidate(goal, evaluations.rows(x), x, options.confidence, decision[i]!, eliminated.get(i)));
  // Candidates the budget left without their first stage were never compared: the guarantee does not cover them.
  if (usable.length < candidates.length) finished = false;
  return {
    chosen: chosenIndex === undefined ? undefined : usable[chosenIndex],
    chosenShownFeasible: chosenIndex !== undefined && shownFeasible(chosenIndex),
    indistinguishable: left.filter((i) => i !== chosenIndex).map((i) => usable[i]!),
    candidates: results,
    indifference: delta,
    finished,
    replications: r,
  };
}

/** A candidate's objective CI and constraint means with one-sided confidence bounds, from its replications. */
export function describeCandidate(
  goal: Goal,
  rows: readonly Readonly<Record<string, number>>[],
  x: Solution,
  level: number,
  decisions: CandidateResult['constraints'][number]['decision'][],
  eliminated?: CandidateResult['eliminated'],
): CandidateResult {
  const values = rows.map((row) => measureValue(goal.measure, row)).filter(Number.isFinite);
  const n = values.length;
  const m = finiteMean(values);
  const half = n > 1 ? studentTQuantile(1 - (1 - level) / 2, n - 1) * Math.sqrt(sampleVariance(values) / n) : Number.NaN;
  return {
    x,
    n: rows.length,
    objective: { mean: m, lo: m - half, hi: m + half, level },
    constraints: goal.constraints.map((c, ci) => {
      const v = rows.map((row) => measureValue(c.measure, row)).filter(Number.isFinite);
      const cm = finiteMean(v);
      const t = v.length > 1 ? studentTQuantile(c.confidence, v.length - 1) * Math.sqrt(sampleVariance(v) / v.length) : Number.NaN;
      return {
        label: c.label,
        kind: c.kind,
        bound: c.bound,
        mean: cm,
        confidenceBound: c.kind === 'atLeast' ? cm - t : cm + t,
        level: c.confidence,
        decision: decisions[ci]!,
      };
    }),
    ...(eliminated ? { eliminated } : {}),
  };
}

function sampleVariance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = values.reduce((s, v) => s + v, 0) / n;
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1);
}

/** A number for a reason in words: four significant figures, no float noise. */
function roundText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 1000 ? String(Math.round(x)) : String(+x.toPrecision(4));
}
