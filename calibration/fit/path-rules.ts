/**
 * Paths a log never shows. A case's path is its steps in order; an order rule
 * "A before B" holds when every logged case that has B had A before its first
 * B (Release A always after an admission). A simulated case that breaks such a
 * rule, or whose path no logged case took, is of a kind the log never shows.
 *
 * The log's own counterparts are leave-one-out: the share of logged cases that
 * break a rule the other cases all keep, and the share whose path no other case
 * took (Good–Turing's estimate of the chance that a new case is of an unseen
 * kind). A model that draws cases as the hospital does comes out near those,
 * not at 0: with 736 cases, 1 in 9 has a path of its own.
 */

/** Fewer cases with a step than this, and "all of them had A before" is too weak a rule to hold a model to. */
export const MIN_RULE_CASES = 20;

export interface PathCase {
  /** The steps in order, as a case had them. */
  steps: readonly string[];
}

export interface OrderRule {
  before: string;
  step: string;
  /** Logged cases with `step` (every one had `before` first). */
  cases: number;
}

/** A case's path as one string (steps in order). */
export function pathKey(steps: readonly string[]): string {
  return steps.join('\u0000');
}

/** For each step a case has, the steps it had before its first occurrence. */
function precedence(steps: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const s of steps) {
    if (!out.has(s)) out.set(s, new Set(seen));
    seen.add(s);
  }
  return out;
}

/** For every pair (A, B): cases with B, and cases with B that did not have A before it. */
function pairCounts(cases: readonly PathCase[]): { withStep: Map<string, number>; breaking: Map<string, Map<string, number>>; steps: Set<string> } {
  const withStep = new Map<string, number>();
  const having = new Map<string, Map<string, number>>();
  const steps = new Set<string>();
  for (const c of cases) {
    for (const [b, before] of precedence(c.steps)) {
      steps.add(b);
      withStep.set(b, (withStep.get(b) ?? 0) + 1);
      let row = having.get(b);
      if (!row) having.set(b, (row = new Map()));
      for (const a of before) row.set(a, (row.get(a) ?? 0) + 1);
    }
  }
  const breaking = new Map<string, Map<string, number>>();
  for (const [b, n] of withStep) {
    const row = new Map<string, number>();
    for (const a of steps) if (a !== b) row.set(a, n - (having.get(b)?.get(a) ?? 0));
    breaking.set(b, row);
  }
  return { withStep, breaking, steps };
}

/** The order rules every logged case keeps, for steps at least `minCases` cases have. */
export function orderRules(cases: readonly PathCase[], minCases = MIN_RULE_CASES): OrderRule[] {
  const { withStep, breaking } = pairCounts(cases);
  const rules: OrderRule[] = [];
  for (const [b, row] of breaking) {
    const n = withStep.get(b)!;
    if (n < minCases) continue;
    for (const [a, k] of row) if (k === 0) rules.push({ before: a, step: b, cases: n });
  }
  return rules.sort((x, y) => y.cases - x.cases || (x.step < y.step ? -1 : x.step > y.step ? 1 : x.before < y.before ? -1 : 1));
}

/** Does this case break one of the rules? */
export function breaksRule(c: PathCase, rules: readonly OrderRule[]): boolean {
  if (rules.length === 0) return false;
  const p = precedence(c.steps);
  return rules.some((r) => p.get(r.step)?.has(r.before) === false);
}

/** Share of cases that break a rule all the other cases keep (leave-one-out), with its count. */
export function leaveOneOutBreaks(cases: readonly PathCase[], minCases = MIN_RULE_CASES): number {
  const { withStep, breaking } = pairCounts(cases);
  let k = 0;
  for (const c of cases) {
    const p = precedence(c.steps);
    let breaks = false;
    for (const [b, before] of p) {
      // Without this case, B is had by n − 1 cases; A-before-B holds for all of them if this case was the one breaker.
      if (withStep.get(b)! - 1 < minCases) continue;
      for (const [a, broken] of breaking.get(b)!) {
        if (broken === 1 && !before.has(a) && a !== b) {
          breaks = true;
          break;
        }
      }
      if (breaks) break;
    }
    if (breaks) k++;
  }
  return cases.length > 0 ? k / cases.length : NaN;
}

/** Share of cases whose path no other case took (leave-one-out). */
export function leaveOneOutUnseen(cases: readonly PathCase[]): number {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(pathKey(c.steps), (counts.get(pathKey(c.steps)) ?? 0) + 1);
  const alone = [...counts.values()].filter((n) => n === 1).length;
  return cases.length > 0 ? alone / cases.length : NaN;
}

/** Share of `cases` whose path is not among `known`. */
export function unseenShare(cases: readonly PathCase[], known: ReadonlySet<string>): number {
  if (cases.length === 0) return NaN;
  return cases.filter((c) => !known.has(pathKey(c.steps))).length / cases.length;
}
