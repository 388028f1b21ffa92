/**
 * The worker's side of the queue: takes jobs of a block of replications, runs
 * them on this machine's worker-thread pool (as many blocks at once as it has
 * threads, a block's replications one after another), and stores each result
 * once under its replication's key as it finishes. A worker that dies mid-job stops
 * renewing its lock; another worker's stalled-job check then puts the job back
 * in the queue, and whoever runs it stores the same figures (HSETNX keeps the
 * first; a replication's figures depend only on its key).
 */
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { parseScenario, ScenarioError, type Scenario } from '../../scenarios/index.js';
import { NodeWorkerPool } from '../pool/node-pool.js';
import { blockReplications, JOB_NAME, type ReplicationJobData } from './job-data.js';
import { queueNames, replicationKey, type QueueNames } from './job-key.js';
import { modelVersion } from './model-version.js';
import { preflight } from './preflight.js';
import { encodeResult } from './result-codec.js';
import { boundedConnection, watchedClient } from './redis-lost.js';
import type { RedisAddress } from './redis-url.js';

export interface QueueWorkerOptions {
  /** Worker threads, hence replications at once (default: the machine's cores). */
  threads?: number;
  /**
   * How long a job stays with a worker that stops answering before another may
   * take it (ms; default 30000). The lock is renewed every half of it while the
   * worker lives; stalled jobs are looked for as often.
   */
  lockMs?: number;
  /** Redis key prefix (default "hospital-twin"). */
  prefix?: string;
  onEvent?: (e: WorkerEvent) => void;
}

export type WorkerEvent =
  | { kind: 'started'; key: string; scenario: string; seed: number | string; replication: number }
  | { kind: 'done'; key: string; scenario: string; seed: number | string; replication: number; seconds: number; stored: boolean }
  | { kind: 'alreadyStored'; key: string; scenario: string; replication: number }
  | { kind: 'failed'; key: string; replication: number; error: string }
  | { kind: 'handedBack'; keys: string[] };

interface InHand {
  job: Job<ReplicationJobData>;
  token: string;
}

export class QueueWorker {
  readonly warnings: string[];
  readonly threads: number;
  private readonly names: QueueNames;
  private readonly pool: NodeWorkerPool;
  private readonly redis: Redis;
  private readonly worker: Worker<ReplicationJobData, string>;
  private readonly scenarios = new Map<string, Promise<Scenario>>();
  private readonly inHand = new Map<string, InHand>();
  private handingBack = false;
  private shuttingDown = false;
  /** Replications this worker finished. */
  finished = 0;
  /** Resolves with a message for people when Redis has gone and did not come back in time. */
  readonly lost: Promise<string>;

  private constructor(
    address: RedisAddress,
    warnings: string[],
    private readonly o: QueueWorkerOptions,
  ) {
    this.warnings = warnings;
    this.names = queueNames(modelVersion(), o.prefix);
    this.pool = new NodeWorkerPool(o.threads);
    this.threads = this.pool.size;
    const connection = boundedConnection(address);
    const watched = watchedClient(address);
    this.redis = watched.redis;
    // Our own disconnect at shutdown is no loss.
    this.lost = watched.lost.then((why) => (this.shuttingDown ? new Promise<string>(() => undefined) : why));
    const lockMs = o.lockMs ?? 30_000;
    this.worker = new Worker<ReplicationJobData, string>(this.names.queue, (job, token) => this.process(job, token ?? ''), {
      connection,
      prefix: this.names.prefix,
      concurrency: this.pool.size,
      // Coordinators size their blocks by the threads taking jobs: each worker's name says its own.
      name: `threads-${this.pool.size}`,
      lockDuration: lockMs,
      stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
      // A job whose worker died more than this many times is failed, not retried forever.
      maxStalledCount: 3,
      autorun: false,
    });
    this.worker.on('error', () => undefined); // connection trouble: BullMQ reconnects by itself
  }

  /** Checks Redis, then starts taking jobs. */
  static async start(address: RedisAddress, o: QueueWorkerOptions = {}): Promise<QueueWorker> {
    const { warnings } = await preflight(address);
    const w = new QueueWorker(address, warnings, o);
    await w.worker.waitUntilReady();
    void w.worker.run();
    return w;
  }

  /** Jobs (blocks) being run now, by id. */
  jobsInHand(): string[] {
    return [...this.inHand.keys()];
  }

  private scenario(hash: string): Promise<Scenario> {
    let s = this.scenarios.get(hash);
    if (!s) {
      s = this.redis.get(this.names.scenario(hash)).then((text) => {
        if (text === null) throw new UnrecoverableError(`the scenario ${hash} is not in Redis (was the database emptied?)`);
        // Checked again here: a worker runs only a validated scenario, whoever wrote it into Redis.
        try {
          return parseScenario(JSON.parse(text), `the scenario ${hash} in Redis`);
        } catch (e) {
          if (e instanceof ScenarioError) throw new UnrecoverableError(e.message.split('\n').slice(0, 4).join(' '));
          throw new UnrecoverableError(`the scenario ${hash} in Redis is not JSON`);
        }
      });
      s.catch(() => this.scenarios.delete(hash));
      if (this.scenarios.size >= 16) this.scenarios.delete(this.scenarios.keys().next().value!);
      this.scenarios.set(hash, s);
    }
    return s;
  }

  private async process(job: Job<ReplicationJobData>, token: string): Promise<string> {
    const id = job.id!;
    const d = job.data;
    if (job.name !== JOB_NAME) throw new UnrecoverableError(`not a replication job: ${job.name}`);
    const replications = blockReplications(d);
    // A block of one is stored under its job id (a traced replication's key says so); a longer one under each replication's key.
    const keyOf = (r: number): string => (replications.length === 1 ? id : replicationKey(d.scenarioHash, d.seed, r));
    this.inHand.set(id, { job, token });
    try {
      const scenario = await this.scenario(d.scenarioHash).catch((e: unknown) => {
        this.o.onEvent?.({ kind: 'failed', key: id, replication: d.replication, error: e instanceof Error ? e.message : String(e) });
        throw e;
      });
      // A block run again (its worker died, or a coordinator asked twice) runs only what no one stored yet.
      const stored = await this.redis.hmget(this.names.results, ...replications.map(keyOf));
      const failures: string[] = [];
      let storedHere = 0;
      for (const [i, replication] of replications.entries()) {
        const key = keyOf(replication);
        if (stored[i] !== null) {
          this.o.onEvent?.({ kind: 'alreadyStored', key, scenario: scenario.name, replication });
          continue;
        }
        const failure = await this.runOne(scenario, d, replication, key);
        if (failure !== undefined) failures.push(replications.length === 1 ? failure : `replication ${replication}: ${failure}`);
        else storedHere++;
      }
      // The same replication fails the same way anywhere: no retry. Those of the block that ran are stored.
      if (failures.length > 0) throw new UnrecoverableError(failures.join('\n'));
      return `${storedHere} stored`;
    } finally {
      this.inHand.delete(id);
    }
  }

  /** Runs one replication of a block and stores its result; says why it failed, if it did. */
  private async runOne(scenario: Scenario, d: ReplicationJobData, replication: number, key: string): Promise<string | undefined> {
    if (this.handingBack) throw new WaitingError();
    this.o.onEvent?.({ kind: 'started', key, scenario: scenario.name, seed: d.seed, replication });
    const t0 = performance.now();
    let out;
    try {
      out = await this.pool.run({
        scenario,
        seed: d.seed,
        replications: [replication],
        ...(d.trace ? { traceReplication: replication } : {}),
        ...(d.maxPatientsInSystem !== undefined ? { maxPatientsInSystem: d.maxPatientsInSystem } : {}),
      });
    } catch (e) {
      if (this.handingBack) throw new WaitingError();
      throw e;
    }
    // Handed back meanwhile: the job is in the queue again, not ours to finish.
    if (this.handingBack) throw new WaitingError();
    const failure = out.failures[0];
    if (failure) {
      this.o.onEvent?.({ kind: 'failed', key, replication, error: failure.error.split('\n')[0] ?? '' });
      return failure.error;
    }
    const result = out.results[0];
    if (!result) throw new Error(`replication ${replication} returned no result`);
    const stored = (await this.redis.hsetnx(this.names.results, key, encodeResult(result, out.trace))) === 1;
    this.finished++;
    this.o.onEvent?.({ kind: 'done', key, scenario: scenario.name, seed: d.seed, replication, seconds: (performance.now() - t0) / 1000, stored });
    return undefined;
  }

  /** Takes no new job; resolves when the jobs in hand are finished and stored. */
  async stop(): Promise<void> {
    await this.worker.close();
    await this.shutDown();
  }

  /** Puts the jobs in hand back in the queue at once, for another worker, and stops. */
  async handBack(): Promise<string[]> {
    this.handingBack = true;
    const keys: string[] = [];
    const closing = this.worker.close(true);
    await Promise.all(
      [...this.inHand.entries()].map(async ([key, { job, token }]) => {
        try {
          await job.moveToWait(token);
          keys.push(key);
        } catch {
          // Finished or lost its lock meanwhile: nothing to hand back.
        }
      }),
    );
    this.o.onEvent?.({ kind: 'handedBack', keys });
    await closing;
    await this.shutDown();
    return keys;
  }

  /** Redis is gone: stops at once, its jobs in hand left to their locks (another worker takes them once Redis is back). */
  async abandon(): Promise<void> {
    this.handingBack = true;
    await Promise.race([this.worker.close(true).catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    await this.worker.disconnect().catch(() => undefined);
    await this.shutDown();
  }

  private async shutDown(): Promise<void> {
    this.shuttingDown = true;
    await this.pool.close();
    this.redis.disconnect();
  }
}
