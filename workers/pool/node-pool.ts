/**
 * A pool of Node worker threads, one comlink API each, sized to the machine's
 * cores. Replications are handed out one chunk at a time, so fast workers take
 * more; results are put back in replication order, so figures do not depend on
 * the number of workers or on which finished first.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { JobResult, PackedJobResult, ReplicationApi, ReplicationFailure, ReplicationJob } from '../replication-api.js';
import { unpackRows } from '../packed-results.js';
import type { ReplicationResult } from '../run-replications.js';
import type { TraceData } from '../../sim-core/index.js';
import type { Scenario } from '../../scenarios/index.js';
import type { ReplicationRunner, RunnerOptions } from '../replication-runner.js';
import { workerScriptUrl } from './worker-script.js';
import { fixWorkerYoungGeneration, WORKER_YOUNG_GENERATION_MB } from './worker-heap.js';

interface Slot {
  worker: Worker;
  api: Remote<ReplicationApi>;
  /** Resolves when the worker exits, for whatever reason. */
  exited: Promise<number>;
  /** Scenarios (by the pool's number for them) this worker has been sent and keeps compiled. */
  known: Set<number>;
  /** The lists of figure names this worker has sent, by its number for each. */
  names: Map<number, string[]>;
}

/**
 * The runner's options, and how long replications under way may finish after
 * the signal: after `graceMs` their workers are stopped (and replaced), so one
 * Ctrl-C always ends a run, even one whose replication takes hours.
 */
export interface PoolRunOptions extends RunnerOptions {
  /** Milliseconds the replications under way get to finish after the signal (default 5000). */
  graceMs?: number;
}

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** A worker's packed results as results, in replication order; its list of figure names kept for its next chunks. */
function unpacked(slot: Slot, r: PackedJobResult): JobResult {
  const { packed, ...out } = r;
  if (!packed) return out;
  if (packed.names) slot.names.set(packed.namesId, packed.names);
  const names = slot.names.get(packed.namesId);
  if (!names) throw new Error(`worker sent figures by list ${packed.namesId}, which it never sent`);
  const results = [...unpackRows(packed, names), ...out.results].sort((a, b) => a.replication - b.replication);
  return { ...out, results };
}

export class NodeWorkerPool implements ReplicationRunner {
  private readonly slots: Slot[] = [];
  /** Chunks each worker has in hand, over every job running on the pool. */
  private readonly inHand: number[] = [];
  private nextJobId = 1;
  /** The pool's number for each scenario object it ran: a worker sent one before gets the number alone. */
  private readonly scenarioIds = new WeakMap<Scenario, number>();
  private nextScenarioId = 1;
  /** Workers that died and were replaced, for reporting. */
  replacedWorkers = 0;
  /** Milliseconds each worker has had a chunk in hand (sent until its results came back), for measuring idle workers. */
  private readonly busy: number[] = [];

  constructor(readonly size: number = defaultWorkerCount()) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`worker pool size must be a positive integer, got ${size}`);
    fixWorkerYoungGeneration();
    for (let i = 0; i < size; i++) {
      this.slots.push(this.spawn());
      this.inHand.push(0);
      this.busy.push(0);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(workerScriptUrl(), { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const api = wrap<ReplicationApi>(nodeEndpoint(worker as unknown as Parameters<typeof nodeEndpoint>[0]));
    const exited = new Promise<number>((resolve) => {
      worker.once('exit', resolve);
      worker.once('error', () => resolve(-1));
    });
    return { worker, api, exited, known: new Set(), names: new Map() };
  }

  /** Runs the job's replications across the pool; failures are reported, not thrown. */
  async run(job: ReplicationJob, options: PoolRunOptions = {}): Promise<JobResult> {
    const jobId = this.nextJobId++;
    let scenarioId = this.scenarioIds.get(job.scenario);
    if (scenarioId === undefined) {
      scenarioId = this.nextScenarioId++;
      this.scenarioIds.set(job.scenario, scenarioId);
    }
    const sid = scenarioId;
    const queue = [...job.replications];
    const total = queue.length;
    // Guided chunks: large while much is left (few messages on tiny models), shrinking to
    // one replication at the end, so no worker is left idle while another finishes a long chunk.
    const nextChunk = (): number => Math.max(1, Math.min(16, Math.floor(queue.length / (this.size * 4))));
    const results: ReplicationResult[] = [];
    const failures: ReplicationFailure[] = [];
    let trace: TraceData | undefined;
    let done = 0;
    let cancelled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const busySlots = new Set<Slot>();
    const onAbort = (): void => {
      cancelled = true;
      for (const s of this.slots) void s.api.cancel(jobId).catch(() => undefined);
      // What is still running after the grace period is stopped: its replications are not reported.
      graceTimer = setTimeout(() => {
        for (const s of busySlots) void s.worker.terminate();
      }, options.graceMs ?? 5000);
      graceTimer.unref();
    };
    options.signal?.addEventListener('abort', onAbort);
    if (options.signal?.aborted) onAbort();

    // Only a caller who listens gets a progress channel: each call of it is a message, and the
    // worker waits for every answer before returning its results (a queue worker does not listen).
    const onProgress = options.onProgress;
    const progress = onProgress
      ? proxy((_replication: number) => {
          done++;
          onProgress(done, total);
        })
      : undefined;

    // Each lane hands its next chunk to the worker with least in hand, over every job on the
    // pool: two small jobs at once (a sweep's points side by side) go to two workers, not both to the first.
    const lane = async (): Promise<void> => {
      while (queue.length > 0 && !cancelled) {
        const mine = queue.splice(0, nextChunk());
        const index = this.leastBusy();
        this.inHand[index]!++;
        const sent = performance.now();
        try {
          await runChunk(index, mine);
        } finally {
          this.inHand[index]!--;
          this.busy[index]! += performance.now() - sent;
        }
      }
    };
    const runChunk = async (index: number, mine: number[]): Promise<void> => {
      const slot = this.slots[index]!;
      const part = { ...job, replications: mine };
      // The scenario itself the first time this worker sees it (it keeps it compiled under `sid`), its number afterwards.
      const send = async (s: Slot): Promise<JobResult> => {
        if (s.known.has(sid)) {
          const { scenario: _sent, ...rest } = part;
          const r = await s.api.runPacked(jobId, { ...rest, scenarioId: sid }, progress);
          if (!r.scenarioUnknown) return unpacked(s, r);
          s.known.delete(sid);
        }
        s.known.add(sid);
        return unpacked(s, await s.api.runPacked(jobId, { ...part, scenarioId: sid }, progress));
      };
      busySlots.add(slot);
      const outcome = await Promise.race([send(slot), slot.exited.then((code) => ({ died: code }) as const)]).finally(() => busySlots.delete(slot));
      if ('died' in outcome && cancelled) {
        // Stopped after the grace period: its replications are dropped, not run again.
        this.replaceDead(index, slot);
        return;
      }
      if ('died' in outcome) {
        // The worker died with these replications in hand: replace it and run them once more, alone.
        // (Another job running on the same pool may have replaced it already.)
        this.replaceDead(index, slot);
        const retrySlot = this.slots[index]!;
        busySlots.add(retrySlot);
        const retry = await Promise.race([send(retrySlot), retrySlot.exited.then((code) => ({ died: code }) as const)]).finally(() =>
          busySlots.delete(retrySlot),
        );
        if ('died' in retry && cancelled) {
          this.replaceDead(index, retrySlot);
          return;
        }
        if ('died' in retry) {
          this.replaceDead(index, retrySlot);
          for (const replication of mine) {
            failures.push({ scenario: job.scenario.name, seed: job.seed, replication, error: `worker thread died (exit code ${retry.died}) twice running it` });
          }
          return;
        }
        collect(retry);
        return;
      }
      collect(outcome);
    };
    const collect = (r: JobResult): void => {
      results.push(...r.results);
      failures.push(...r.failures);
      if (r.trace) trace = r.trace;
      if (r.cancelled) cancelled = true;
    };

    try {
      await Promise.all(this.slots.map(() => lane()));
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      clearTimeout(graceTimer);
    }
    results.sort((a, b) => a.replication - b.replication);
    failures.sort((a, b) => a.replication - b.replication);
    return { results, failures, cancelled: cancelled || results.length + failures.length < total, ...(trace ? { trace } : {}) };
  }

  /** Milliseconds each worker has had work in hand since the pool started (a worker of two jobs at once counts once per job). */
  busyMilliseconds(): readonly number[] {
    return [...this.busy];
  }

  /** Chunks of replications each worker has in hand now, over every job on the pool. */
  chunksInHand(): readonly number[] {
    return [...this.inHand];
  }

  private leastBusy(): number {
    let best = 0;
    for (let i = 1; i < this.inHand.length; i++) if (this.inHand[i]! < this.inHand[best]!) best = i;
    return best;
  }

  /** Puts a new worker in place of `dead`, unless another job on this pool has done so already. */
  private replaceDead(index: number, dead: Slot): void {
    if (this.slots[index] !== dead) return;
    this.replacedWorkers++;
    this.slots[index] = this.spawn();
  }

  /** Stops every worker thread. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(async (s) => {
        s.api[releaseProxy]();
        await s.worker.terminate();
      }),
    );
    this.slots.length = 0;
  }
}
