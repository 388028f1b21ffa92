/**
 * Routing: the probability of each next step after each step, from the
 * directly-follows counts, with Wilson 95% intervals. Transitions seen fewer
 * than `minCount` times are left out and the rest renormalised (reported).
 */
import { wilsonInterval } from './intervals.js';

export interface Route {
  from: string;
  to: string;
  count: number;
  /** count / (all transitions out of `from` that were kept). */
  p: number;
  ci: [number, number];
}

export interface Routing {
  /** Kept routes by step, most frequent first. */
  from: Map<string, Route[]>;
  /** Transitions left out as too rare. */
  pruned: { from: string; to: string; count: number }[];
  /** Cases whose next step after `from` is unknown (open when the log ends): not in the counts. */
  unknownNext: Map<string, number>;
}

/**
 * `transitions`: from → to → count (`from` a step, or a state of routing with memory).
 * `countOf`: the count a route is held to `minCount` by; with memory, the pooled count of its
 * step-to-step transition, so that splitting a step into states does not prune routes the log
 * shows often (Admission IC → Release B seen 5 times, but at most twice from any one state).
 */
export function fitRouting(
  transitions: Map<string, Map<string, number>>,
  unknownNext: Map<string, number>,
  minCount = 1,
  countOf: (from: string, to: string, n: number) => number = (_f, _t, n) => n,
): Routing {
  const from = new Map<string, Route[]>();
  const pruned: Routing['pruned'] = [];
  for (const [a, row] of transitions) {
    const entries = [...row].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    // Always keep the most frequent route, so every step has somewhere to go.
    const kept = entries.filter(([b, n], i) => i === 0 || countOf(a, b, n) >= minCount);
    for (const [b, n] of entries) if (!kept.some(([k]) => k === b)) pruned.push({ from: a, to: b, count: n });
    const total = kept.reduce((s, [, n]) => s + n, 0);
    from.set(
      a,
      kept.map(([b, n]) => ({ from: a, to: b, count: n, p: n / total, ci: wilsonInterval(n, total) })),
    );
  }
  return { from, pruned, unknownNext };
}
