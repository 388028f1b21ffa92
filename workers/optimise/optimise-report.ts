/**
 * What an optimisation found, as plain data (optimise.json) and a table
 * (optimise.csv): the chosen solution with confidence intervals of its
 * objective and constraints, the runners-up the selection could not tell from
 * it, every solution visited, and the best so far against replications used.
 */
import { csvCell } from '../../scenarios/index.js';
import { solutionKey, valuesOf, valueText, type Solution } from './decision-space.js';
import type { Evaluations } from './evaluations.js';
import type { OptimiseSpec } from './optimise-spec.js';
import type { OptimisePlan } from './plan-optimise.js';
import { scoreOf } from './score.js';
import { describeCandidate, type CandidateResult, type SelectionOutcome } from './select-best.js';
import type { SearchOutcome } from './compass.js';
import type { OptimiseHistoryPoint } from './history-point.js';

export interface ReportedCandidate extends Omit<CandidateResult, 'x'> {
  values: Record<string, unknown>;
}

export interface OptimiseReport {
  name: string;
  objective: { figure: string; order: 'min' | 'max' };
  constraints: { figure: string; kind: 'atLeast' | 'atMost'; bound: number; confidence: number; tolerance: number }[];
  method: string;
  seed: number | string;
  variables: { name: string; paths: string[]; values: unknown[] }[];
  spaceSize: number;
  budget: { replications: number | null; minutes: number | null };
  replications: { used: number; ranNow: number; fromLog: number };
  elapsedSeconds: number;
  stopped: boolean;
  search: { iterations: number; converged: boolean; visited: number };
  selection: { finished: boolean; indifference: number; confidence: number; replicationsPerSurvivor: number } | null;
  chosen: (ReportedCandidate & { shownFeasible: boolean }) | null;
  indistinguishable: ReportedCandidate[];
  candidates: ReportedCandidate[];
  solutions: { values: Record<string, unknown>; n: number; objective: number; constraints: number[]; meetsConstraintsOnMean: boolean; error?: string }[];
  history: OptimiseHistoryPoint[];
  /**
   * The base scenario as the spec named it and as it was read, and the best as a
   * scenario document (best-scenario.yaml's content), so that a reader of this
   * file alone (the viewer) can run and compare the two.
   */
  base?: { name: string; scenario: unknown };
  bestScenario?: unknown;
}

export interface ReportInput {
  spec: OptimiseSpec;
  plan: OptimisePlan;
  evaluations: Evaluations;
  search: SearchOutcome;
  selection: SelectionOutcome | undefined;
  chosen: Solution | undefined;
  history: OptimiseHistoryPoint[];
  stopped: boolean;
  elapsedSeconds: number;
}

export function buildOptimiseReport(input: ReportInput): OptimiseReport {
  const { spec, plan, evaluations, selection, chosen } = input;
  const { space, goal } = plan;
  const reported = (c: CandidateResult): ReportedCandidate => {
    const { x, ...rest } = c;
    return { values: valuesOf(space, x), ...rest };
  };
  const byKey = new Map((selection?.candidates ?? []).map((c) => [solutionKey(c.x), c]));
  let chosenReport: OptimiseReport['chosen'] = null;
  if (chosen) {
    const c = byKey.get(solutionKey(chosen));
    chosenReport = c
      ? { ...reported(c), shownFeasible: selection?.chosenShownFeasible ?? false }
      : {
          ...reported(
            describeCandidate(
              goal,
              evaluations.rows(chosen),
              chosen,
              spec.selection.confidence,
              goal.constraints.map(() => 'undecided'),
            ),
          ),
          shownFeasible: false,
        };
  }
  return {
    name: spec.name,
    objective: { figure: goal.label, order: goal.order },
    constraints: goal.constraints.map((c) => ({ figure: c.label, kind: c.kind, bound: c.bound, confidence: c.confidence, tolerance: c.tolerance })),
    method: METHOD,
    seed: plan.seed,
    variables: space.variables.map((v) => ({ name: v.name, paths: v.paths, values: v.values })),
    spaceSize: space.size,
    budget: { replications: spec.budget.replications ?? null, minutes: spec.budget.minutes ?? null },
    replications: { used: evaluations.used, ranNow: evaluations.ranNow, fromLog: evaluations.fromLog },
    elapsedSeconds: input.elapsedSeconds,
    stopped: input.stopped,
    search: { iterations: input.search.iterations, converged: input.search.converged, visited: evaluations.visited().length },
    selection: selection
      ? {
          finished: selection.finished,
          indifference: selection.indifference,
          confidence: spec.selection.confidence,
          replicationsPerSurvivor: selection.replications,
        }
      : null,
    chosen: chosenReport,
    indistinguishable: (selection?.indistinguishable ?? []).map((x) => reported(byKey.get(solutionKey(x))!)),
    candidates: (selection?.candidates ?? []).map(reported),
    solutions: evaluations.visited().map((e) => {
      const s = scoreOf(goal, e.rows);
      return {
        values: valuesOf(space, e.x),
        n: e.rows.length,
        objective: s.mean,
        constraints: goal.constraints.map((c, i) => (c.kind === 'atLeast' ? s.slacks[i]! + c.bound : c.bound - s.slacks[i]!)),
        meetsConstraintsOnMean: s.feasible,
        ...(e.error ? { error: e.error } : {}),
      };
    }),
    history: input.history,
  };
}

export const METHOD =
  'Search: COMPASS (Hong & Nelson 2006, Operations Research 54(1):115-129), sampling the most promising area around the best solution so far, until every neighbour of the best has been visited and it stays best (a local optimum) or its share of the budget is spent. ' +
  'Selection: among the best candidates, the fully sequential procedure for constrained systems of Andradottir & Kim (2010, Naval Research Logistics 57(5):403-421): a feasibility check per constraint beside the KN comparison of the objective (Kim & Nelson 2001, ACM TOMACS 11(3):251-273). ' +
  "Every solution runs replications 1, 2, ... on the same seed (common random numbers). Guarantee (normal replication outputs): with probability at least the selection confidence less the constraints' error rates, every candidate judged feasible is (within its tolerance), and the chosen one is within the indifference zone of the best feasible candidate.";

/** One row per solution visited: its values, replications, objective mean and constraint means. */
export function optimiseCsv(report: OptimiseReport): string {
  const cell = (v: unknown): string => {
    const text = typeof v === 'number' ? (Number.isFinite(v) ? String(+v.toPrecision(10)) : '') : v === undefined ? '' : valueText(v);
    return csvCell(text);
  };
  const header = [
    ...report.variables.map((v) => v.name),
    'replications',
    `mean ${report.objective.figure}`,
    ...report.constraints.map((c) => `mean ${c.figure}`),
    'meets constraints on mean',
    'chosen',
    'indistinguishable from chosen',
    'error',
  ];
  const chosen = report.chosen ? JSON.stringify(report.chosen.values) : '';
  const tied = new Set(report.indistinguishable.map((c) => JSON.stringify(c.values)));
  const rows = report.solutions.map((s) => [
    ...report.variables.map((v) => s.values[v.name]),
    s.n,
    s.objective,
    ...s.constraints,
    s.meetsConstraintsOnMean ? 'yes' : 'no',
    JSON.stringify(s.values) === chosen ? 'yes' : '',
    tied.has(JSON.stringify(s.values)) ? 'yes' : '',
    s.error ?? '',
  ]);
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
