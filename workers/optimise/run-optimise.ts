/**
 * Running an optimisation: COMPASS search, then the constrained KN selection
 * among the best candidates, every replication through an injected runner (this
 * thread or a worker pool) and appended to the log as it finishes, so that a
 * rerun continues where the last one stopped. Stopped early (Ctrl-C, the clock),
 * it still writes the best solution found so far.
 */
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { writeFileAtomic } from '../../io/index.js';
import { bestVisited, compassSearch } from './compass.js';
import { documentOf, solutionKey, startingSolution, valuesOf, valuesText, type Solution } from './decision-space.js';
import { Evaluations, type OptimiseRunner } from './evaluations.js';
import { loadOptimiseBase } from './load-optimise.js';
import { readEvaluationLog, repairEvaluationLog } from './optimise-log.js';
import { progressSvg } from './optimise-plot.js';
import type { OptimiseHistoryPoint } from './history-point.js';
import { buildOptimiseReport, optimiseCsv, type OptimiseReport } from './optimise-report.js';
import type { OptimiseSpec } from './optimise-spec.js';
import { planOptimisation, type OptimisePlan } from './plan-optimise.js';
import { compareScores, scoreOf } from './score.js';
import { selectBest, type SelectionOutcome } from './select-best.js';

export const OPTIMISE_FILES = { log: 'optimise.jsonl', json: 'optimise.json', csv: 'optimise.csv', svg: 'optimise.svg', best: 'best-scenario.yaml' } as const;

export interface OptimiseProgress {
  phase: 'search' | 'selection';
  /** Replications used so far (found in the log or run now). */
  used: number;
  /** The replication budget (Infinity when only minutes are given). */
  budget: number;
  /** The time budget in seconds (Infinity when only replications are given). */
  budgetSeconds: number;
  visited: number;
  best?: { values: Record<string, unknown>; mean: number; feasible: boolean };
}

export interface RunOptimiseOptions {
  runner: OptimiseRunner;
  /** Where the log, table, plot, report and best scenario go; created if missing. */
  outDir: string;
  signal?: AbortSignal;
  source?: string;
  onProgress?: (p: OptimiseProgress) => void;
}

export interface OptimiseOutcome {
  plan: OptimisePlan;
  report: OptimiseReport;
  /** Stopped (Ctrl-C or the clock) before the selection ended by its own rule. */
  stopped: boolean;
  files: { log: string; json: string; csv: string; svg: string; best?: string };
}

export async function runOptimise(spec: OptimiseSpec, options: RunOptimiseOptions): Promise<OptimiseOutcome> {
  const source = options.source ?? spec.name;
  const baseDocument = await loadOptimiseBase(spec, source);
  const plan = planOptimisation(spec, baseDocument, source);
  const { space, goal } = plan;
  await mkdir(options.outDir, { recursive: true });
  const files: OptimiseOutcome['files'] = {
    log: join(options.outDir, OPTIMISE_FILES.log),
    json: join(options.outDir, OPTIMISE_FILES.json),
    csv: join(options.outDir, OPTIMISE_FILES.csv),
    svg: join(options.outDir, OPTIMISE_FILES.svg),
  };
  await repairEvaluationLog(files.log);
  const { logged } = await readEvaluationLog(files.log);

  const started = performance.now();
  const budgetReplications = spec.budget.replications ?? Number.POSITIVE_INFINITY;
  const minutes = spec.budget.minutes ?? Number.POSITIVE_INFINITY;
  const deadline = started + minutes * 60_000;
  const history: OptimiseHistoryPoint[] = [];
  let phase: OptimiseProgress['phase'] = 'search';
  let best: Solution | undefined;
  const progress = (): void => {
    const b = best && scoreOf(goal, evaluations.rows(best));
    options.onProgress?.({
      phase,
      used: evaluations.used,
      budget: budgetReplications,
      budgetSeconds: minutes * 60,
      visited: evaluations.visited().length,
      ...(best && b ? { best: { values: valuesOf(space, best), mean: b.mean, feasible: b.feasible } } : {}),
    });
  };
  const evaluations: Evaluations = new Evaluations(
    space,
    plan.seed,
    goal.figures,
    options.runner,
    files.log,
    { replications: budgetReplications, deadline },
    logged,
    options.signal,
    (event) => {
      const current = bestVisited(goal, evaluations);
      if (
        current &&
        (!best ||
          solutionKey(current) !== solutionKey(best) ||
          compareScores(scoreOf(goal, evaluations.rows(current)), scoreOf(goal, evaluations.rows(best))) !== 0)
      )
        best = current;
      const s = scoreOf(goal, evaluations.rows(event.x));
      const b = best ? scoreOf(goal, evaluations.rows(best)) : undefined;
      history.push({
        used: evaluations.used,
        solution: solutionKey(event.x),
        mean: s.mean,
        feasible: s.feasible,
        bestMean: b?.mean ?? Number.NaN,
        bestFeasible: b?.feasible ?? false,
        phase,
      });
      progress();
    },
  );
  progress();

  const search = await compassSearch(space, goal, evaluations, {
    replications: spec.search.replications,
    samples: spec.search.samples,
    seed: plan.seed,
    stopAt: budgetReplications * spec.search.share,
    deadline: started + (deadline - started) * spec.search.share,
    start: startingSolution(space),
  });

  phase = 'selection';
  let selection: SelectionOutcome | undefined;
  if (!evaluations.stopped && !options.signal?.aborted) {
    selection = await selectBest(goal, evaluations, candidatesOf(plan, evaluations, spec.selection.candidates), {
      confidence: spec.selection.confidence,
      firstStage: spec.selection.firstStage,
      name: (x) => valuesText(valuesOf(space, x)),
      ...(spec.selection.indifference !== undefined ? { indifference: spec.selection.indifference } : {}),
    });
  }
  const chosen = selection?.chosen ?? bestVisited(goal, evaluations);
  const stopped = evaluations.stopped || options.signal?.aborted === true || !(selection?.finished ?? false);
  const report = buildOptimiseReport({
    spec,
    plan,
    evaluations,
    search,
    selection,
    chosen,
    history,
    stopped: evaluations.stopped || options.signal?.aborted === true,
    elapsedSeconds: (performance.now() - started) / 1000,
  });
  // The file's own name, not where it was on this machine: the report may be shared.
  report.base = { name: typeof spec.base === 'string' ? basename(spec.base) : plan.base.name, scenario: baseDocument };
  if (chosen) {
    files.best = join(options.outDir, OPTIMISE_FILES.best);
    const document = documentOf(space, chosen) as Record<string, unknown>;
    report.bestScenario = document;
    const header = `# Best solution of optimisation "${spec.name}": ${valuesText(valuesOf(space, chosen)).replaceAll('\n', ' ')}\n`;
    await writeFileAtomic(files.best, header + stringify(document));
  }
  await writeFileAtomic(files.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFileAtomic(files.csv, optimiseCsv(report));
  await writeFileAtomic(files.svg, progressSvg(report));
  return { plan, report, stopped, files };
}

/** The search's best solutions that might meet the constraints (means within a tolerance of each bound), best first. */
function candidatesOf(plan: OptimisePlan, evaluations: Evaluations, count: number): Solution[] {
  const scored = evaluations
    .visited()
    .filter((e) => !e.error && e.rows.length > 0)
    .map((e) => ({ x: e.x as Solution, score: scoreOf(plan.goal, e.rows) }))
    .sort((a, b) => compareScores(a.score, b.score));
  const near = scored
    .filter((s) => plan.goal.constraints.every((c, i) => s.score.slacks[i]! >= -c.tolerance) && Number.isFinite(s.score.cost))
    .sort((a, b) => a.score.cost - b.score.cost);
  return (near.length > 0 ? near : scored).slice(0, count).map((s) => s.x);
}
