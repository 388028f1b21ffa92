/**
 * The coordinator's side of the queue: a ReplicationRunner, like the local
 * pool, whose replications run on `hospital-twin worker` processes anywhere.
 * Replications go out in blocks: one BullMQ job per block of consecutive
 * replications (id: scenario hash, seed, first replication, block size), so
 * the queue's round trips are paid per block, not per replication. Workers
 * store each replication's result once under its own key (scenario hash, seed,
 * replication) as it finishes. So a job queued twice is one job, a block run
 * twice stores nothing new, and a coordinator run again with the same command
 * finds what is done and queues only the blocks not finished.
 */
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobResult, ReplicationFailure, ReplicationJob } from '../replication-api.js';
import type { ReplicationRunner, RunnerOptions } from '../replication-runner.js';
import type { ReplicationResult } from '../run-replications.js';
import type { TraceData } from '../../sim-core/index.js';
import { blockReplications, JOB_DEFAULTS, JOB_NAME, type ReplicationJobData } from './job-data.js';
import { blockKey, queueNames, replicationKey, scenarioHash, scenarioText, splitIntoBlocks, type QueueNames } from './job-key.js';
import { modelVersion } from './model-version.js';
import { preflight } from './preflight.js';
import { decodeResult, type StoredReplication } from './result-codec.js';
import { boundedConnection, watchedClient } from './redis-lost.js';
import type { RedisAddress } from './redis-url.js';

export interface QueueRunnerOptions {
  /** Replications a caller should keep in flight (the runner's `size`; default 64). */
  inFlight?: number;
  /** How often stored results are looked for when no event says so (ms; default 500). */
  pollMs?: number;
  /** How often the states of jobs still waited for are checked: failed, or lost (ms; default 5000). */
  stateCheckMs?: number;
  /** Redis key prefix (default "hospital-twin"). */
  prefix?: string;
  /**
   * Replications a job carries at most. Default: guided by the worker threads
   * taking jobs when a run starts: a block is the replications left over twice
   * the threads (at most 16), so blocks shrink towards the end and no thread
   * waits long for another's last block.
   */
  blockSize?: number;
  /** Said to people while running (a damaged stored result run again). */
  onNotice?: (text: string) => void;
}

type Outcome = { stored: StoredReplication } | { failed: string } | { cancelled: true } | { lost: string };

/** Redis went away and did not come back in time: the run stops; what finished stays stored. */
export class QueueLostError extends Error {
  override readonly name = 'QueueLostError';
}

interface Waiter {
  settle(outcome: Outcome): void;
}

/** A block queued as one job, and the replication keys it stores. */
interface Block {
  data: ReplicationJobData;
  keys: string[];
}

/** Most replications a block carries by default: a worker killed mid-block loses at most this much work, and the last blocks stay short. */
const MAX_BLOCK = 16;

export class QueueRunner implements ReplicationRunner {
  readonly size: number;
  /** Said by the preflight check (e.g. Redis keeps nothing on disk). */
  readonly warnings: string[];
  private readonly names: QueueNames;
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly redis: Redis;
  private readonly waiters = new Map<string, Waiter[]>();
  /** Blocks by job id, while one of their replications is waited for. */
  private readonly blocks = new Map<string, Block>();
  /** Job ids that a 'failed' event named: their state is checked at once. */
  private readonly failedSeen = new Set<string>();
  private readonly pollMs: number;
  private readonly blockSize: number | undefined;
  private readonly stateCheckMs: number;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private closed = false;
  private lostReason: string | undefined;
  private readonly lost: Promise<string>;
  private readonly onNotice: (text: string) => void;

  private constructor(address: RedisAddress, warnings: string[], o: QueueRunnerOptions) {
    this.size = o.inFlight ?? 64;
    this.blockSize = o.blockSize;
    this.pollMs = o.pollMs ?? 500;
    this.stateCheckMs = o.stateCheckMs ?? 5000;
    this.warnings = warnings;
    this.names = queueNames(modelVersion(), o.prefix);
    this.onNotice = o.onNotice ?? (() => undefined);
    const connection = boundedConnection(address);
    this.queue = new Queue(this.names.queue, { connection, prefix: this.names.prefix, defaultJobOptions: JOB_DEFAULTS });
    this.events = new QueueEvents(this.names.queue, { connection, prefix: this.names.prefix });
    // Connection trouble is watched on our own client below; BullMQ's retry on their own, as long.
    this.queue.on('error', () => undefined);
    this.events.on('error', () => undefined);
    const watched = watchedClient(address);
    this.redis = watched.redis;
    this.lost = watched.lost;
    void this.lost.then((why) => this.lose(why));
    this.events.on('completed', ({ jobId }) => {
      if (this.blocks.has(jobId)) this.wake?.();
    });
    this.events.on('failed', ({ jobId }) => {
      if (!this.blocks.has(jobId)) return;
      this.failedSeen.add(jobId);
      this.wake?.();
    });
  }

  /** Checks Redis (refusing one that may evict keys), then connects. */
  static async connect(address: RedisAddress, o: QueueRunnerOptions = {}): Promise<QueueRunner> {
    const { warnings } = await preflight(address);
    const runner = new QueueRunner(address, warnings, o);
    await Promise.all([runner.queue.waitUntilReady(), runner.events.waitUntilReady()]);
    return runner;
  }

  async run(job: ReplicationJob, options: RunnerOptions = {}): Promise<JobResult> {
    if (this.closed) throw new Error('the queue runner is closed');
    if (this.lostReason) throw new QueueLostError(this.lostReason);
    const hash = scenarioHash(job.scenario);
    await this.redis.set(this.names.scenario(hash), scenarioText(job.scenario), 'NX');
    const total = job.replications.length;
    let done = 0;
    const results: ReplicationResult[] = [];
    const failures: ReplicationFailure[] = [];
    let trace: TraceData | undefined;
    let cancelled = false;
    const keys: string[] = [];
    const settled: Promise<void>[] = [];
    const waitFor = (key: string, replication: number): void => {
      keys.push(key);
      settled.push(
        new Promise<void>((resolve) => {
          this.await(key, (outcome) => {
            if ('stored' in outcome) {
              results.push(outcome.stored.result);
              if (outcome.stored.trace) trace = outcome.stored.trace;
            } else if ('failed' in outcome) {
              failures.push({ scenario: job.scenario.name, seed: job.seed, replication, error: outcome.failed });
            } else {
              cancelled = true;
            }
            if (!('cancelled' in outcome) && !('lost' in outcome)) options.onProgress?.(++done, total);
            resolve();
          });
        }),
      );
    };
    const common = {
      scenarioHash: hash,
      seed: job.seed,
      ...(job.maxPatientsInSystem !== undefined ? { maxPatientsInSystem: job.maxPatientsInSystem } : {}),
    };
    // The traced replication is a job of its own (its result carries the trace); the rest go in blocks.
    const plain = job.replications.filter((r) => r !== job.traceReplication);
    const size = this.blockSize ?? (await this.guidedBlockSize());
    for (const { first, count, step } of splitIntoBlocks(plain, size)) {
      const data: ReplicationJobData = { ...common, replication: first, trace: false, ...(count > 1 ? { count, step } : {}) };
      const blockKeys = blockReplications(data).map((r) => replicationKey(hash, job.seed, r));
      this.blocks.set(blockKey(hash, job.seed, first, count, step), { data, keys: blockKeys });
      for (const [i, r] of blockReplications(data).entries()) waitFor(blockKeys[i]!, r);
    }
    if (job.traceReplication !== undefined && job.replications.includes(job.traceReplication)) {
      const key = replicationKey(hash, job.seed, job.traceReplication, true);
      this.blocks.set(key, { data: { ...common, replication: job.traceReplication, trace: true }, keys: [key] });
      waitFor(key, job.traceReplication);
    }
    const onAbort = (): void => void this.cancel(keys);
    options.signal?.addEventListener('abort', onAbort);
    if (options.signal?.aborted) onAbort();
    this.start();
    try {
      await Promise.all(settled);
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
    if (this.lostReason)
      throw new QueueLostError(
        `${this.lostReason}: stopped with ${results.length} of ${total} replication(s) finished; those stored stay in Redis, and the same command run again continues from them`,
      );
    results.sort((a, b) => a.replication - b.replication);
    failures.sort((a, b) => a.replication - b.replication);
    return { results, failures, cancelled, ...(trace ? { trace } : {}) };
  }

  /** A block's size from the replications left: those left over twice the worker threads taking jobs now (one, if none is yet), at most MAX_BLOCK. */
  private async guidedBlockSize(): Promise<(left: number) => number> {
    const workers = await this.queue.getWorkers().catch(() => []);
    // Each worker's name says its threads (`threads-N`); an unnamed one counts as one.
    const threads = workers.reduce((sum, w) => sum + Number(/:w:threads-(\d+)$/.exec(String(w['rawname'] ?? ''))?.[1] ?? 1), 0);
    return (left) => Math.max(1, Math.min(MAX_BLOCK, Math.ceil(left / (2 * Math.max(1, threads)))));
  }

  private await(key: string, settle: (o: Outcome) => void): void {
    const list = this.waiters.get(key) ?? [];
    list.push({ settle });
    this.waiters.set(key, list);
  }

  private settle(key: string, outcome: Outcome): void {
    const list = this.waiters.get(key);
    this.waiters.delete(key);
    for (const w of list ?? []) w.settle(outcome);
  }

  /** Blocks none of whose replications is waited for any more are forgotten; says their ids. */
  private forgetIdleBlocks(): string[] {
    const idle: string[] = [];
    for (const [id, b] of this.blocks) {
      if (b.keys.some((k) => this.waiters.has(k))) continue;
      this.blocks.delete(id);
      idle.push(id);
    }
    return idle;
  }

  /** Redis is gone: every run in progress stops. */
  private lose(why: string): void {
    if (this.closed || this.lostReason) return;
    this.lostReason = why;
    for (const key of [...this.waiters.keys()]) this.settle(key, { lost: why });
    this.wake?.();
  }

  /** Stops waiting for these keys and takes back the jobs of blocks no longer waited for, if not yet started; what finished is kept. */
  private async cancel(keys: string[]): Promise<void> {
    const mine = keys.filter((k) => this.waiters.has(k));
    for (const k of mine) this.settle(k, { cancelled: true });
    const idle = this.forgetIdleBlocks();
    await Promise.all(
      idle.map(async (k) => {
        const j = await this.queue.getJob(k);
        if (j && (await j.isWaiting())) await j.remove().catch(() => undefined);
      }),
    );
  }

  /** One loop for every run in progress: queue what is missing, then collect results as they are stored. */
  private start(): void {
    if (this.loop) {
      this.wake?.();
      return;
    }
    this.loop = (async () => {
      try {
        await this.poll();
      } catch (e) {
        // A command refused as Redis went away: the connection's end, due now, says why; another error says itself.
        const why = await Promise.race([this.lost, new Promise<undefined>((r) => setTimeout(r, 2000))]);
        this.lose(why ?? `Redis failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      this.loop = undefined;
    })();
  }

  private async poll(): Promise<void> {
    const queued = new Set<string>();
    let lastStateCheck = 0;
    while (this.waiters.size > 0 && !this.closed) {
      await this.collect();
      this.forgetIdleBlocks();
      const fresh = [...this.blocks.keys()].filter((k) => !queued.has(k));
      if (fresh.length > 0) {
        await this.submit(fresh);
        for (const k of fresh) queued.add(k);
        await this.collect();
      } else if (Date.now() - lastStateCheck >= this.stateCheckMs) {
        lastStateCheck = Date.now();
        this.failedSeen.clear();
        this.forgetIdleBlocks();
        await this.checkStates([...this.blocks.keys()], false);
      } else if (this.failedSeen.size > 0) {
        const named = [...this.failedSeen];
        this.failedSeen.clear();
        await this.checkStates(named, false);
      }
      if (this.waiters.size === 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Results stored under keys still waited for. */
  private async collect(): Promise<void> {
    const keys = [...this.waiters.keys()];
    for (let i = 0; i < keys.length; i += 1000) {
      const part = keys.slice(i, i + 1000);
      const values = await this.redis.hmget(this.names.results, ...part);
      for (const [j, v] of values.entries()) {
        if (v === null) continue;
        const key = part[j]!;
        let stored: StoredReplication;
        try {
          stored = decodeResult(v);
        } catch (e) {
          // A damaged result is not a figure: dropped, and its block is queued again (its job seen completed); the block runs only what is missing.
          this.onNotice(`the stored result ${key} is damaged (${e instanceof Error ? e.message : String(e)}): running it again`);
          await this.redis.hdel(this.names.results, key);
          continue;
        }
        this.settle(key, { stored });
      }
    }
  }

  /** Queues the jobs of blocks with a replication still without a result: new ones added, ones that failed in an earlier run retried. */
  private async submit(ids: string[]): Promise<void> {
    await this.checkStates(ids, true);
  }

  private waited(id: string): boolean {
    return this.blocks.get(id)?.keys.some((k) => this.waiters.has(k)) ?? false;
  }

  /**
   * Each block's job: none (never queued, or lost) is added; a failed one is retried
   * when first submitted (it failed in an earlier run) and otherwise reported for
   * the block's replications without a result (those that ran are stored).
   */
  private async checkStates(ids: string[], firstTime: boolean): Promise<void> {
    const states = await Promise.all(ids.map((k) => this.queue.getJobState(k)));
    const add: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const state = states[i]!;
      if (!this.waited(id)) continue;
      if (state === 'unknown' || state === 'completed') {
        // 'completed' without a stored result: the results hash was emptied; run it again.
        if (state === 'completed') await this.queue.remove(id);
        add.push(id);
      } else if (state === 'failed') {
        const j = await this.queue.getJob(id);
        if (firstTime && j) await j.retry('failed');
        else {
          // What the block stored before failing counts; the rest failed for the reason given.
          await this.collect();
          for (const key of this.blocks.get(id)?.keys ?? []) if (this.waiters.has(key)) this.settle(key, { failed: j?.failedReason ?? 'the job failed' });
        }
      }
    }
    // A job finished (and removed) since results were last read is not queued again.
    if (add.length > 0) await this.collect();
    const missing = add.filter((k) => this.waited(k));
    for (let i = 0; i < missing.length; i += 1000) {
      const part = missing.slice(i, i + 1000).flatMap((id) => {
        const b = this.blocks.get(id);
        return b ? [{ name: JOB_NAME, data: b.data, opts: { jobId: id } }] : [];
      });
      await this.queue.addBulk(part);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const lost = this.lostReason !== undefined;
    this.closed = true;
    for (const key of [...this.waiters.keys()]) this.settle(key, { cancelled: true });
    this.blocks.clear();
    this.wake?.();
    await this.loop;
    // With Redis gone there is nothing to close politely: the connections are dropped.
    const closing = Promise.all([this.queue.close(), this.events.close()]).catch(() => undefined);
    if (lost) await Promise.race([closing, new Promise((r) => setTimeout(r, 1000))]);
    else await closing;
    if (lost) await Promise.all([this.queue.disconnect(), this.events.disconnect()]).catch(() => undefined);
    this.redis.disconnect();
  }
}
