/**
 * Every replication the optimisation has of every solution, replication 1, 2, …
 * of each (the same seed everywhere, so replication i of two solutions shares its
 * random numbers), with the budget counted as they are asked for. New
 * replications are appended to the log at once; a rerun finds them there and
 * makes the same decisions without running them again.
 */
import { performance } from 'node:perf_hooks';
import type { Scenario } from '../../scenarios/index.js';
import { ScenarioError } from '../../scenarios/index.js';
import { pointKey } from '../sweep/index.js';
import { scenarioOf, solutionKey, valuesOf, type DecisionSpace, type Solution } from './decision-space.js';
import { appendEvaluation, type EvaluationRecord } from './optimise-log.js';

/** Runs the given replication numbers of a scenario; throws if any fails. */
export type OptimiseRunner = (
  scenario: Scenario,
  seed: number | string,
  replications: number[],
  signal?: AbortSignal,
) => Promise<{ replication: number; figures: Record<string, number> }[]>;

export interface Budget {
  replications: number;
  /** performance.now() past which no new replications are asked for. */
  deadline: number;
}

interface Entry {
  x: number[];
  key: string;
  scenario?: Scenario;
  /** Rows of replications 1..rows.length (only the figures the goal needs). */
  rows: Record<string, number>[];
  /** Set when its scenario is invalid or a replication failed: never run again. */
  error?: string;
  /** Order in which solutions were first visited (1, 2, …). */
  visit: number;
}

export interface EvaluationEvent {
  x: Solution;
  replications: number;
}

export class Evaluations {
  private readonly entries = new Map<string, Entry>();
  /** Replications asked for (found in the log or run now): what the budget counts. */
  used = 0;
  ranNow = 0;
  fromLog = 0;
  stopped = false;
  /** Log lines are appended one at a time, whatever runs side by side. */
  private appending: Promise<void> = Promise.resolve();

  constructor(
    private readonly space: DecisionSpace,
    private readonly seed: number | string,
    private readonly figures: readonly string[],
    private readonly runner: OptimiseRunner,
    private readonly log: string,
    private readonly budget: Budget,
    /** Replications already in the log, by solution key (pointKey of its scenario and seed). */
    private readonly logged: Map<string, Map<number, Record<string, number>>>,
    private readonly signal?: AbortSignal,
    private readonly onEvaluated?: (e: EvaluationEvent) => void,
  ) {}

  /** Replications left in the budget (0 once past the deadline or stopped). */
  remaining(): number {
    if (this.stopped || this.signal?.aborted || performance.now() > this.budget.deadline) return 0;
    return Math.max(0, this.budget.replications - this.used);
  }

  entry(x: Solution): Entry {
    const k = solutionKey(x);
    let e = this.entries.get(k);
    if (!e) {
      const scenario = scenarioOf(this.space, x);
      e = { x: [...x], key: '', rows: [], visit: this.entries.size + 1 };
      if (scenario instanceof ScenarioError) e.error = `its scenario is not valid: ${scenario.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
      else {
        e.scenario = scenario;
        e.key = pointKey(scenario, this.seed, 0);
      }
      this.entries.set(k, e);
    }
    return e;
  }

  has(x: Solution): boolean {
    return this.entries.has(solutionKey(x));
  }

  /** Solutions visited so far, in the order first visited. */
  visited(): Entry[] {
    return [...this.entries.values()];
  }

  rows(x: Solution): readonly Record<string, number>[] {
    return this.entry(x).rows;
  }

  /** Brings each solution to at least n replications, all at once (on a pool they run side by side). */
  async ensure(xs: readonly Solution[], n: number): Promise<void> {
    await Promise.all(xs.map((x) => this.ensureOne(x, n)));
  }

  private async ensureOne(x: Solution, n: number): Promise<void> {
    const e = this.entry(x);
    if (e.error || e.rows.length >= n || !e.scenario) return;
    const logged = this.logged.get(e.key);
    // A logged row counts only if it has every figure the goal needs now (the objective may have changed).
    const usable = (row: Record<string, number> | undefined): row is Record<string, number> =>
      row !== undefined && this.figures.every((id) => Object.hasOwn(row, id));
    for (let row = logged?.get(e.rows.length + 1); e.rows.length < n && usable(row); row = logged?.get(e.rows.length + 1)) {
      e.rows.push(row);
      this.used++;
      this.fromLog++;
    }
    if (e.rows.length >= n) return this.onEvaluated?.({ x, replications: e.rows.length });
    const wanted = Math.min(n - e.rows.length, this.remaining());
    if (wanted <= 0) return;
    const numbers = Array.from({ length: wanted }, (_, i) => e.rows.length + 1 + i);
    this.used += wanted;
    let results: Awaited<ReturnType<OptimiseRunner>>;
    try {
      results = await this.runner(e.scenario, this.seed, numbers, this.signal);
    } catch (err) {
      this.used -= wanted;
      if (this.signal?.aborted) {
        this.stopped = true;
        return;
      }
      e.error = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      return;
    }
    const byNumber = new Map(results.map((r) => [r.replication, r.figures]));
    const rows: Record<string, number>[] = [];
    for (const number of numbers) {
      const figures = byNumber.get(number);
      if (!figures) break;
      rows.push(Object.fromEntries(this.figures.map((id) => [id, figures[id] ?? Number.NaN])));
    }
    // Stopped part way: what finished is kept, what did not is not counted.
    this.used -= wanted - rows.length;
    if (rows.length < numbers.length) this.stopped = true;
    if (rows.length === 0) return;
    const record: EvaluationRecord = { key: e.key, values: valuesOf(this.space, x), solution: [...x], from: e.rows.length + 1, figures: {} };
    for (const id of this.figures) Object.defineProperty(record.figures, id, { value: rows.map((r) => r[id]!), enumerable: true });
    this.appending = this.appending.then(() => appendEvaluation(this.log, record));
    await this.appending;
    e.rows.push(...rows);
    this.ranNow += rows.length;
    this.onEvaluated?.({ x, replications: e.rows.length });
  }
}
