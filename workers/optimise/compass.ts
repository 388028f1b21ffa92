/**
 * The search: COMPASS, Convergent Optimization via Most-Promising-Area
 * Stochastic Search (Hong & Nelson 2006, Operations Research 54(1):115–129).
 * Each iteration samples new solutions uniformly from the most promising area:
 * the solutions of the lattice at least as close to the best so far as to any
 * other visited solution (its Voronoi cell), by coordinate sampling. New
 * solutions get a few replications; the best and the visited solutions nearest
 * it get more as iterations go on, so the estimates the area rests on grow
 * sharper. When every lattice neighbour of the best has been visited the area is
 * the best alone: the search has converged to a local optimum and stops.
 */
import seedrandom from 'seedrandom';
import { solutionKey, type DecisionSpace, type Solution } from './decision-space.js';
import type { Evaluations } from './evaluations.js';
import type { Goal } from './measure.js';
import { compareScores, scoreOf } from './score.js';

export interface SearchOptions {
  /** Replications a new solution gets. */
  replications: number;
  /** Solutions sampled per iteration. */
  samples: number;
  seed: number | string;
  /** Stop before the budget used passes this (replications). */
  stopAt: number;
  /** Stop at this performance.now(). */
  deadline: number;
  start: Solution;
  /** After each iteration: its number and the best so far. */
  onIteration?: (iteration: number, best: Solution) => void;
}

export interface SearchOutcome {
  best: Solution | undefined;
  iterations: number;
  /** The most promising area shrank to the best alone. */
  converged: boolean;
}

export async function compassSearch(space: DecisionSpace, goal: Goal, evaluations: Evaluations, options: SearchOptions): Promise<SearchOutcome> {
  const random = seedrandom(`${String(options.seed)}:compass`);
  const sizes = space.variables.map((v) => v.values.length);
  const d = sizes.length;
  const enough = (): boolean => evaluations.used < options.stopAt && evaluations.remaining() > 0 && performance.now() < options.deadline;

  // Start at the base's own values and a few solutions drawn uniformly from the whole space.
  const initial: Solution[] = [options.start];
  for (let i = 1; i < options.samples; i++) initial.push(sizes.map((n) => Math.floor(random() * n)));
  await evaluations.ensure(unique(initial), options.replications);

  let iteration = 0;
  let converged = false;
  while (enough()) {
    iteration++;
    const best = bestVisited(goal, evaluations);
    if (!best) break;
    const visited = evaluations.visited().map((e) => e.x);
    const nK = options.replications + Math.ceil(Math.log2(iteration + 1));
    if (neighbours(best, sizes).every((y) => evaluations.has(y))) {
      // Every neighbour visited: sharpen the best and its neighbours; if the best stays best, it is a local optimum.
      await evaluations.ensure([best, ...neighbours(best, sizes)], nK);
      const again = bestVisited(goal, evaluations);
      options.onIteration?.(iteration, again ?? best);
      if (again && solutionKey(again) === solutionKey(best)) {
        converged = true;
        break;
      }
      continue;
    }
    const fresh = new Map<string, Solution>();
    for (let s = 0; s < options.samples * 4 && fresh.size < options.samples; s++) {
      const x = coordinateSample(best, visited, sizes, d, random);
      if (!evaluations.has(x)) fresh.set(solutionKey(x), x);
    }
    // The area always holds an unvisited neighbour here; take one if sampling kept landing on the best.
    if (fresh.size === 0) {
      const y = neighbours(best, sizes).find((z) => !evaluations.has(z))!;
      fresh.set(solutionKey(y), y);
    }
    // Allocation: the best and its nearest visited solutions (those that bound the area) grow with the iterations.
    const active = [best, ...nearest(best, visited, 2 * d)];
    await evaluations.ensure([...fresh.values()], options.replications);
    await evaluations.ensure(active, nK);
    options.onIteration?.(iteration, bestVisited(goal, evaluations) ?? best);
  }
  return { best: bestVisited(goal, evaluations), iterations: iteration, converged };
}

/** The visited solution with the best score (its replications so far). */
export function bestVisited(goal: Goal, evaluations: Evaluations): Solution | undefined {
  let best: { x: Solution; score: ReturnType<typeof scoreOf> } | undefined;
  for (const e of evaluations.visited()) {
    if (e.error || e.rows.length === 0) continue;
    const score = scoreOf(goal, e.rows);
    if (!best || compareScores(score, best.score) < 0) best = { x: e.x, score };
  }
  return best?.x;
}

/**
 * One draw from the most promising area around `best`: from `best`, move along a
 * randomly chosen coordinate to a uniformly drawn lattice value that stays at
 * least as close to `best` as to every other visited solution; d moves.
 */
function coordinateSample(best: Solution, visited: readonly Solution[], sizes: readonly number[], d: number, random: () => number): number[] {
  const x = [...best];
  const others = visited.filter((y) => solutionKey(y) !== solutionKey(best));
  const bestNorm = best.reduce((s, v) => s + v * v, 0);
  for (let step = 0; step < d; step++) {
    const i = Math.floor(random() * d);
    let lo = 0;
    let hi = sizes[i]! - 1;
    // ‖x − best‖² ≤ ‖x − y‖²  ⇔  2 x·(y − best) ≤ ‖y‖² − ‖best‖², linear in x_i.
    for (const y of others) {
      const a = 2 * (y[i]! - best[i]!);
      let rest = y.reduce((s, v) => s + v * v, 0) - bestNorm;
      for (let j = 0; j < d; j++) if (j !== i) rest -= 2 * x[j]! * (y[j]! - best[j]!);
      if (a > 0) hi = Math.min(hi, Math.floor(rest / a + 1e-9));
      else if (a < 0) lo = Math.max(lo, Math.ceil(rest / a - 1e-9));
    }
    if (hi >= lo) x[i] = lo + Math.floor(random() * (hi - lo + 1));
  }
  return x;
}

function neighbours(x: Solution, sizes: readonly number[]): Solution[] {
  const out: Solution[] = [];
  x.forEach((v, i) => {
    if (v > 0) out.push(x.map((w, j) => (j === i ? w - 1 : w)));
    if (v < sizes[i]! - 1) out.push(x.map((w, j) => (j === i ? w + 1 : w)));
  });
  return out;
}

function nearest(x: Solution, visited: readonly Solution[], count: number): Solution[] {
  const distance = (y: Solution): number => y.reduce((s, v, i) => s + (v - x[i]!) ** 2, 0);
  return visited
    .filter((y) => solutionKey(y) !== solutionKey(x))
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, count);
}

function unique(xs: readonly Solution[]): Solution[] {
  return [...new Map(xs.map((x) => [solutionKey(x), x])).values()];
}
