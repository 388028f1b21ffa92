/**
 * Replications through BullMQ on Redis against the local pool, on this
 * machine: 2 `hospital-twin worker` processes of 1 thread each against a pool
 * of 2 threads, the same replications, taking turns block by block so that a
 * change in the machine's load falls on both alike. Starts and stops its own
 * redis-server (Debian's, /usr/bin/redis-server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { quantile } from 'simple-statistics';
import { builtinScenario, parseScenario, type Scenario } from '../scenarios/index.js';
import { NodeWorkerPool, parseRedisUrl, QueueRunner, redisServerInstalled, startLocalRedis, type ReplicationRunner } from '../workers/node.js';
import type { Figures } from './hospital.js';

/** The general hospital over a quarter: about half a second a replication, so 200 of them take a minute or so on 2 cores. */
const HORIZON_DAYS = 91;

function scenario(): Scenario {
  const builtin = builtinScenario('general-hospital');
  if (!builtin) throw new Error('the built-in general-hospital scenario is missing');
  return parseScenario({ ...(builtin.document as object), horizonDays: HORIZON_DAYS }, builtin.name);
}

export function startWorker(url: string): Promise<ChildProcess> {
  const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const child = spawn(process.execPath, [cli, 'worker', '--queue', url, '--workers', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (b: Buffer) => {
      text += b.toString();
      if (text.includes('taking replications')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before starting:\n${text}`)));
  });
}

/** Stops `worker` processes and waits until each has exited. */
export async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  for (const w of workers) {
    w.kill('SIGTERM');
    await new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once('exit', resolve)));
  }
}

export async function timed(runner: ReplicationRunner, s: Scenario, replications: number[]): Promise<number> {
  const t0 = performance.now();
  const out = await runner.run({ scenario: s, seed: 1, replications });
  if (out.failures.length > 0) throw new Error(`replication ${out.failures[0]!.replication} failed: ${out.failures[0]!.error}`);
  if (out.results.length !== replications.length) throw new Error(`${replications.length - out.results.length} replication(s) missing`);
  return performance.now() - t0;
}

export async function benchQueue(replications = 200, log: (line: string) => void = () => {}): Promise<Figures> {
  if (!redisServerInstalled()) {
    log('redis-server is not installed (apt-get install redis-server): the queue is not measured');
    return { 'queue.overheadRatio': null };
  }
  const s = scenario();
  const redis = await startLocalRedis();
  const workers: ChildProcess[] = [];
  const pool = new NodeWorkerPool(2);
  let queue: QueueRunner | undefined;
  try {
    workers.push(await startWorker(redis.url), await startWorker(redis.url));
    queue = await QueueRunner.connect(parseRedisUrl(redis.url), { pollMs: 100 });
    // Warm both sides' JIT alike on replications apart from the timed ones.
    const warm = Array.from({ length: 12 }, (_, i) => 1000 + i);
    await timed(pool, s, warm);
    await timed(queue, s, warm);
    const numbers = Array.from({ length: replications }, (_, i) => i + 1);
    let poolMs = 0;
    let queueMs = 0;
    const ratios: number[] = [];
    const blocks = 8;
    for (let b = 0; b < blocks; b++) {
      const reps = numbers.filter((_, i) => i % blocks === b);
      let p: number;
      let q: number;
      if (b % 2 === 0) {
        p = await timed(pool, s, reps);
        q = await timed(queue, s, reps);
      } else {
        q = await timed(queue, s, reps);
        p = await timed(pool, s, reps);
      }
      poolMs += p;
      queueMs += q;
      ratios.push(q / p);
      log(`block ${b + 1}/${blocks}: pool ${(p / 1000).toFixed(1)} s, queue ${(q / 1000).toFixed(1)} s`);
    }
    return {
      'queue.replications': replications,
      'queue.scenario': `general-hospital, ${HORIZON_DAYS} days`,
      'queue.workerProcesses': 2,
      'queue.secondsPool': poolMs / 1000,
      'queue.secondsQueue': queueMs / 1000,
      // Queue time / pool time for the same replications on the same 2 cores: 1 means the queue costs nothing.
      'queue.overheadRatio': queueMs / poolMs,
      // The same, block by block: a burst of load from elsewhere moves the median little.
      'queue.overheadRatio.blockMedian': quantile(ratios, 0.5),
    };
  } finally {
    await queue?.close();
    await pool.close();
    await stopWorkers(workers);
    await redis.stop();
  }
}
