/**
 * Running a sweep: every point's replications through an injected runner (this
 * thread or a worker pool), each finished point appended to the results log at
 * once, points already in the log skipped, and the tables written at the end.
 * Several points may run at once (`pointsAtOnce`), so that on a pool the last
 * replications of one point do not leave cores idle while the next waits; each
 * replication's numbers depend only on (scenario, seed, number), so the results
 * are the same whatever runs beside them.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scenario } from '../../scenarios/index.js';
import { loadBaseDocument } from './load-sweep.js';
import { planSweep, type PlannedPoint, type SweepPlan } from './plan-sweep.js';
import { appendRecord, readLog, repairLog, type PointRecord } from './results-log.js';
import { figureIdsOf, figureIssues, keptFigures } from './sweep-figures.js';
import { buildReport, reportCsv, reportJson, type SweepReport } from './sweep-report.js';
import { SweepSpecError, type SweepSpec } from './sweep-spec.js';
import { writeFileAtomic } from '../../io/index.js';
import { withLock } from './sweep-lock.js';

export interface SweepRunOptions {
  replications: number;
  seed: number | string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** What the sweep needs of a run: `runScenario` and the worker pool's `runScenarioParallel` both give it. */
export interface SweepRunResult {
  perReplication: readonly { replication: number; figures: Record<string, number> }[];
  failures?: readonly { replication: number; error: string }[];
  cancelled?: boolean;
}

export type SweepRunner = (scenario: Scenario, options: SweepRunOptions) => Promise<SweepRunResult>;

export interface SweepProgress {
  pointsTotal: number;
  /** Finished points, those found in the log included. */
  pointsDone: number;
  /** Points found in the log, not run again. */
  pointsSkipped: number;
  replicationsTotal: number;
  /** Replications of finished points (skipped ones included) and of the point running. */
  replicationsDone: number;
  /** The point running now. */
  point?: string;
}

export interface RunSweepOptions {
  runner: SweepRunner;
  /** Where sweep.jsonl (the log), sweep.csv and sweep.json go; created if missing. */
  outDir: string;
  onProgress?: (progress: SweepProgress) => void;
  /** Stops between replications; finished points stay in the log for the next run. */
  signal?: AbortSignal;
  /** Names the sweep in error messages (default: its name). */
  source?: string;
  /** Points run at the same time (default 1: one after another). */
  pointsAtOnce?: number;
}

export interface SweepOutcome {
  plan: SweepPlan;
  /** Every point has results and sweep.csv and sweep.json were written. */
  complete: boolean;
  cancelled: boolean;
  /** Point ids run now, and found already done in the log. */
  ran: string[];
  skipped: string[];
  /** Points whose run failed: not logged, so the next run tries them again. */
  failed: { point: string; error: string }[];
  report?: SweepReport;
  files: { log: string; csv?: string; json?: string };
}

export const SWEEP_FILES = { log: 'sweep.jsonl', csv: 'sweep.csv', json: 'sweep.json' } as const;

/** Validates the sweep (throwing SweepSpecError before anything is written), then runs the points not yet done. */
export async function runSweep(spec: SweepSpec, options: RunSweepOptions): Promise<SweepOutcome> {
  const source = options.source ?? spec.name;
  const plan = planSweep(spec, await loadBaseDocument(spec.base, source), source);
  const available = figureIdsOf(plan.points[0]!.scenario);
  const issues = figureIssues(plan, available);
  if (issues.length > 0) throw new SweepSpecError(source, issues);
  const wanted = keptFigures(plan, available);

  await mkdir(options.outDir, { recursive: true });
  // One sweep at a time in a folder: two would interleave their log.
  return withLock(options.outDir, source, async () => {
    const files: SweepOutcome['files'] = { log: join(options.outDir, SWEEP_FILES.log) };
    await repairLog(files.log);
    const done = new Map<string, PointRecord>();
    for (const r of (await readLog(files.log)).records) {
      // A record made when fewer figures were kept does not count as done.
      if (r.replications === plan.replications && wanted.every((id) => Object.hasOwn(r.figures, id))) done.set(r.key, r);
    }

    const todo = plan.points.filter((p) => !done.has(p.key));
    const skipped = plan.points.filter((p) => done.has(p.key)).map((p) => p.id);
    const progress: SweepProgress = {
      pointsTotal: plan.points.length,
      pointsDone: skipped.length,
      pointsSkipped: skipped.length,
      replicationsTotal: plan.points.length * plan.replications,
      replicationsDone: skipped.length * plan.replications,
    };
    options.onProgress?.({ ...progress });
    const outcome: SweepOutcome = { plan, complete: false, cancelled: false, ran: [], skipped, failed: [], files };

    // Replications done by the points under way, by point id.
    const underWay = new Map<string, number>();
    let finishedReplications = progress.replicationsDone;
    const report = (point?: string): void => {
      let running = 0;
      for (const n of underWay.values()) running += n;
      options.onProgress?.({ ...progress, replicationsDone: finishedReplications + running, ...(point !== undefined ? { point } : {}) });
    };
    // Log lines are appended one at a time, in the order points finish.
    let appending = Promise.resolve();
    let next = 0;
    let stopped = false;
    const lane = async (): Promise<void> => {
      while (next < todo.length && !stopped && !options.signal?.aborted) {
        const point = todo[next++]!;
        underWay.set(point.id, 0);
        const result = await runPoint(point, plan, options, (n) => {
          underWay.set(point.id, n);
          report(point.id);
        });
        underWay.delete(point.id);
        // Counted as finished at once, so that progress reported meanwhile by other points does not go back.
        if (!('error' in result)) finishedReplications += plan.replications;
        if ('error' in result) {
          if (result.cancelled) {
            stopped = true;
            return;
          }
          outcome.failed.push({ point: point.id, error: result.error });
          continue;
        }
        const record = toRecord(point, plan, result.rows, wanted);
        appending = appending.then(() => appendRecord(files.log, record));
        await appending;
        done.set(point.key, record);
        outcome.ran.push(point.id);
        progress.pointsDone++;
        progress.replicationsDone = finishedReplications;
        report();
      }
    };
    const lanes = Math.max(1, Math.min(options.pointsAtOnce ?? 1, todo.length));
    await Promise.all(Array.from({ length: lanes }, lane));
    // Reported in the sweep's own order, whichever point finished first.
    const order = new Map(plan.points.map((p, i) => [p.id, i]));
    outcome.ran.sort((a, b) => order.get(a)! - order.get(b)!);
    outcome.failed.sort((a, b) => order.get(a.point)! - order.get(b.point)!);

    outcome.cancelled = options.signal?.aborted ?? false;
    if (plan.points.every((p) => done.has(p.key))) {
      outcome.report = buildReport(plan, done);
      files.csv = join(options.outDir, SWEEP_FILES.csv);
      files.json = join(options.outDir, SWEEP_FILES.json);
      await writeFileAtomic(files.csv, reportCsv(outcome.report));
      await writeFileAtomic(files.json, reportJson(outcome.report));
      outcome.complete = true;
    }
    return outcome;
  });
}

type PointResult = { rows: Record<string, number>[] } | { error: string; cancelled: boolean };

async function runPoint(point: PlannedPoint, plan: SweepPlan, options: RunSweepOptions, onReplications: (done: number) => void): Promise<PointResult> {
  let result: SweepRunResult;
  try {
    result = await options.runner(point.scenario, {
      replications: plan.replications,
      seed: plan.seed,
      onProgress: onReplications,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), cancelled: false };
  }
  if (result.failures && result.failures.length > 0) {
    const first = result.failures[0]!;
    return { error: `${result.failures.length} replication(s) failed, e.g. replication ${first.replication}: ${first.error.split('\n')[0]}`, cancelled: false };
  }
  const byNumber = new Map(result.perReplication.map((r) => [r.replication, r.figures]));
  const rows: Record<string, number>[] = [];
  for (let rep = 1; rep <= plan.replications; rep++) {
    const figures = byNumber.get(rep);
    if (!figures) {
      const cancelled = result.cancelled === true || options.signal?.aborted === true;
      return { error: cancelled ? 'cancelled' : `the runner returned no replication ${rep}`, cancelled };
    }
    rows.push(figures);
  }
  return { rows };
}

function toRecord(point: PlannedPoint, plan: SweepPlan, rows: Record<string, number>[], wanted: readonly string[]): PointRecord {
  const figures: Record<string, number[]> = {};
  for (const id of wanted)
    Object.defineProperty(figures, id, { value: rows.map((r) => r[id] ?? Number.NaN), enumerable: true, writable: true, configurable: true });
  return { key: point.key, point: point.id, values: point.values, seed: plan.seed, replications: plan.replications, figures };
}
