/**
 * The coordinator's side of the queue: a ReplicationRunner, like the local
 * pool, whose replications run on `hospital-twin worker` processes anywhere.
 * Each replication is one BullMQ job whose id is its key (scenario hash, seed,
 * replication); workers store its result once under that key. So a job queued
 * twice is one job, a job run twice stores nothing new, and a coordinator run
 * again with the same command finds what is done and queues only the rest.
 */
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobResult, ReplicationFailure, ReplicationJob } from '../replication-api.js';
import type { ReplicationRunner, RunnerOptions } from '../replication-runner.js';
import type { ReplicationResult } from '../run-replications.js';
import type { TraceData } from '../../sim-core/index.js';
import { JOB_DEFAULTS, JOB_NAME, type ReplicationJobData } from './job-data.js';
import { queueNames, replicationKey, scenarioHash, scenarioText, type QueueNames } from './job-key.js';
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
  /** Said to people while running (a damaged stored result run again). */
  onNotice?: (text: string) => void;
}

type Outcome = { stored: StoredReplication } | { failed: string } | { cancelled: true } | { lost: string };

/** Redis went away and did not come back in time: the run stops; what finished stays stored. */
export class QueueLostError extends Error {
  override readonly name = 'QueueLostError';
}

interface Waiter {
  data: ReplicationJobData;
  settle(outcome: Outcome): void;
}

export class QueueRunner implements ReplicationRunner {
  readonly size: number;
  /** Said by the preflight check (e.g. Redis keeps nothing on disk). */
  readonly warnings: string[];
  private readonly names: QueueNames;
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly redis: Redis;
  private readonly waiters = new Map<string, Waiter[]>();
  /** Keys whose job a 'failed' event named: their state is checked at once. */
  private readonly failedSeen = new Set<string>();
  private readonly pollMs: number;
  private readonly stateCheckMs: number;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private closed = false;
  private lostReason: string | undefined;
  private readonly lost: Promise<string>;
  private readonly onNotice: (text: string) => void;

  private constructor(address: RedisAddress, warnings: string[], o: QueueRunnerOptions) {
    this.size = o.inFlight ?? 64;
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
      if (this.waiters.has(jobId)) this.wake?.();
    });
    this.events.on('failed', ({ jobId }) => {
      if (!this.waiters.has(jobId)) return;
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
    const settled = job.replications.map((replication) => {
      const traced = job.traceReplication === replication;
      const key = replicationKey(hash, job.seed, replication, traced);
      keys.push(key);
      const data: ReplicationJobData = {
        scenarioHash: hash,
        seed: job.seed,
        replication,
        trace: traced,
        ...(job.maxPatientsInSystem !== undefined ? { maxPatientsInSystem: job.maxPatientsInSystem } : {}),
      };
      return new Promise<void>((resolve) => {
        this.await(key, data, (outcome) => {
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
      });
    });
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

  private await(key: string, data: ReplicationJobData, settle: (o: Outcome) => void): void {
    const list = this.waiters.get(key) ?? [];
    list.push({ data, settle });
    this.waiters.set(key, list);
  }

  private settle(key: string, outcome: Outcome): void {
    const list = this.waiters.get(key);
    this.waiters.delete(key);
    for (const w of list ?? []) w.settle(outcome);
  }

  /** Redis is gone: every run in progress stops. */
  private lose(why: string): void {
    if (this.closed || this.lostReason) return;
    this.lostReason = why;
    for (const key of [...this.waiters.keys()]) this.settle(key, { lost: why });
    this.wake?.();
  }

  /** Stops waiting for these keys and takes back their jobs not yet started; what finished is kept. */
  private async cancel(keys: string[]): Promise<void> {
    const mine = keys.filter((k) => this.waiters.has(k));
    for (const k of mine) this.settle(k, { cancelled: true });
    await Promise.all(
      mine.map(async (k) => {
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
      const fresh = [...this.waiters.keys()].filter((k) => !queued.has(k));
      if (fresh.length > 0) {
        await this.submit(fresh);
        for (const k of fresh) queued.add(k);
        await this.collect();
      } else if (Date.now() - lastStateCheck >= this.stateCheckMs) {
        lastStateCheck = Date.now();
        this.failedSeen.clear();
        await this.checkStates([...this.waiters.keys()], false);
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
          // A damaged result is not a figure: dropped, and its replication is queued again (its job seen completed).
          this.onNotice(`the stored result ${key} is damaged (${e instanceof Error ? e.message : String(e)}): running it again`);
          await this.redis.hdel(this.names.results, key);
          continue;
        }
        this.settle(key, { stored });
      }
    }
  }

  /** Queues jobs for keys without a result: new ones added, ones that failed in an earlier run retried. */
  private async submit(keys: string[]): Promise<void> {
    await this.checkStates(keys, true);
  }

  /**
   * Each key's job: none (never queued, or lost) is added; a failed one is retried
   * when first submitted (it failed in an earlier run) and reported otherwise.
   */
  private async checkStates(keys: string[], firstTime: boolean): Promise<void> {
    const states = await Promise.all(keys.map((k) => this.queue.getJobState(k)));
    const add: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const state = states[i]!;
      if (!this.waiters.has(key)) continue;
      if (state === 'unknown' || state === 'completed') {
        // 'completed' without a stored result: the results hash was emptied; run it again.
        if (state === 'completed') await this.queue.remove(key);
        add.push(key);
      } else if (state === 'failed') {
        const j = await this.queue.getJob(key);
        if (firstTime && j) await j.retry('failed');
        else this.settle(key, { failed: j?.failedReason ?? 'the job failed' });
      }
    }
    // A job finished (and removed) since results were last read is not queued again.
    if (add.length > 0) await this.collect();
    const missing = add.filter((k) => this.waiters.has(k));
    for (let i = 0; i < missing.length; i += 1000) {
      const part = missing.slice(i, i + 1000).flatMap((key) => {
        const w = this.waiters.get(key)?.[0];
        return w ? [{ name: JOB_NAME, data: w.data, opts: { jobId: key } }] : [];
      });
      await this.queue.addBulk(part);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const lost = this.lostReason !== undefined;
    this.closed = true;
    for (const key of [...this.waiters.keys()]) this.settle(key, { cancelled: true });
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
