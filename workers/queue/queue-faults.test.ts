/**
 * The queue under faults, through a real redis-server and worker processes: a
 * stored result damaged (refused and run again, the figures those of a local
 * run), a scenario in Redis that fails validation (the worker refuses it), and
 * Redis killed mid-run (coordinator and worker stop with a message and exit 1
 * within a bounded time), and Redis killed and restarted mid-sweep (each exits
 * or resumes within a bounded time; a rerun's figures are a local run's). Skipped only when redis-server is not installed and
 * CI is not set.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, runCli, tempDir } from '../../test/run-cli.js';
import { JOB_DEFAULTS, JOB_NAME } from './job-data.js';
import { queueNames } from './job-key.js';
import { redisServerInstalled, startLocalRedis, type LocalRedis } from './local-redis-server.js';
import { modelVersion } from './model-version.js';
import { deskScenario } from '../../test/desk-scenario.js';

const DESK = (days: number): string => deskScenario({ name: 'desk', days, replications: 3 });

interface Proc {
  out: () => string;
  exited: Promise<number | null>;
  kill: () => void;
  waitFor: (pattern: RegExp, ms: number) => Promise<void>;
}

function start(args: string[]): Proc {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    out: () => text,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    waitFor: async (pattern, ms) => {
      const until = Date.now() + ms;
      while (!pattern.test(text)) {
        if (Date.now() > until || child.exitCode !== null) throw new Error(`no ${pattern} in:\n${text}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

const within = <T>(p: Promise<T>, ms: number): Promise<T | 'still running'> =>
  Promise.race([p, new Promise<'still running'>((r) => setTimeout(() => r('still running'), ms))]);

describe.skipIf(!redisServerInstalled() && !process.env['CI'])('the queue under faults', () => {
  const procs: Proc[] = [];
  let redis: LocalRedis | undefined;
  afterEach(async () => {
    for (const p of procs.splice(0)) p.kill();
    await redis?.stop();
    redis = undefined;
  });

  it("a damaged stored result is refused and run again: the figures are a local run's, not a SyntaxError", async () => {
    redis = await startLocalRedis();
    const dir = await tempDir();
    await writeFile(join(dir, 'desk.yaml'), DESK(30));
    const args = ['run', join(dir, 'desk.yaml'), '--json'];
    const local = await runCli([...args, '--workers', '1']);
    expect(local.code, local.stderr).toBe(0);
    const worker = start(['worker', '--queue', redis.url, '--workers', '1']);
    procs.push(worker);
    await worker.waitFor(/taking replications/, 30_000);
    const first = await runCli([...args, '--queue', redis.url]);
    expect(first.code, first.stderr).toBe(0);

    const names = queueNames(modelVersion());
    const client = new Redis(redis.port, '127.0.0.1');
    try {
      const keys = Object.keys(await client.hgetall(names.results));
      expect(keys).toHaveLength(3);
      await client.hset(names.results, keys[0]!, 'garbage{');
      await client.hset(names.results, keys[1]!, JSON.stringify({ replication: 1, events: 1, patients: 1, ids: ['a'], values: 'AAA=' }));
    } finally {
      client.disconnect();
    }
    const again = await runCli([...args, '--queue', redis.url]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(local.stdout);
    expect(again.stderr).toMatch(/warning: the stored result \S+ is damaged \(not JSON\): running it again/);
    expect(again.stderr).not.toMatch(/SyntaxError|\n\s+at /);
  }, 180_000);

  it('a worker refuses a scenario in Redis that fails validation', async () => {
    redis = await startLocalRedis();
    const worker = start(['worker', '--queue', redis.url, '--workers', '1']);
    procs.push(worker);
    await worker.waitFor(/taking replications/, 30_000);
    const names = queueNames(modelVersion());
    const client = new Redis(redis.port, '127.0.0.1');
    const queue = new Queue(names.queue, { connection: { host: '127.0.0.1', port: redis.port }, prefix: names.prefix, defaultJobOptions: JOB_DEFAULTS });
    try {
      await client.set(names.scenario('badbadbad'), JSON.stringify({ name: 'forged', horizonDays: -4, resources: 'x' }));
      await queue.add(JOB_NAME, { scenarioHash: 'badbadbad', seed: 1, replication: 0, trace: false }, { jobId: 'badbadbad.n1.0' });
      await worker.waitFor(/replication 0 failed \[badbadbad\.n1\.0\]: the scenario badbadbad in Redis is not a valid scenario/, 30_000);
      expect(worker.out()).not.toMatch(/took replication 0/);
    } finally {
      await queue.close();
      client.disconnect();
    }
  }, 120_000);

  it('Redis killed mid-run: the coordinator and the worker each stop with a message and exit 1 within a bounded time', async () => {
    redis = await startLocalRedis();
    const dir = await tempDir();
    await writeFile(join(dir, 'desk.yaml'), DESK(3000));
    const worker = start(['worker', '--queue', redis.url, '--workers', '1']);
    procs.push(worker);
    await worker.waitFor(/taking replications/, 30_000);
    const coordinator = start(['run', join(dir, 'desk.yaml'), '--queue', redis.url, '--json']);
    procs.push(coordinator);
    await worker.waitFor(/took replication/, 60_000);
    await redis.stop();
    redis = undefined;
    // 15 reconnection attempts take about 13 s; a minute is the bound checked here.
    expect(await within(coordinator.exited, 60_000), coordinator.out()).toBe(1);
    expect(coordinator.out()).toMatch(/error: lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+\/0 \(ECONNREFUSED\) and could not reconnect/);
    expect(coordinator.out()).not.toMatch(/Unhandled error event/);
    expect(await within(worker.exited, 60_000), worker.out()).toBe(1);
    expect(worker.out()).toMatch(/error: lost the connection to Redis .* stopped after \d+ replication/);
    expect(worker.out()).not.toMatch(/Unhandled error event/);
  }, 180_000);
  it("Redis killed and restarted mid-sweep: coordinator and worker exit or resume in bounded time, and a rerun's figures are a local run's", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'desk.yaml'), DESK(3600));
    await writeFile(join(dir, 'sweep.yaml'), 'name: desks\nbase: desk.yaml\nparameters:\n  resources.desk.units: [2, 3, 4]\nreplications: 3\n');
    const local = await runCli(['sweep', join(dir, 'sweep.yaml'), '--out', join(dir, 'local'), '--workers', '1']);
    expect(local.code, local.stderr).toBe(0);

    // Redis keeps an append-only file in its own folder, so the results stored before the kill survive the restart.
    const redisDir = await tempDir();
    redis = await startLocalRedis(undefined, { dir: redisDir, appendOnly: true });
    const { port, url } = redis;
    const args = ['sweep', join(dir, 'sweep.yaml'), '--out', join(dir, 'queued'), '--queue', url];
    const worker = start(['worker', '--queue', url, '--workers', '1']);
    procs.push(worker);
    await worker.waitFor(/taking replications/, 30_000);
    const coordinator = start(args);
    procs.push(coordinator);
    await worker.waitFor(/took replication/, 120_000);
    // Killed mid-sweep: the coordinator still waiting, and replications still to be run.
    expect(await within(coordinator.exited, 1), 'the sweep ended before Redis was killed').toBe('still running');
    expect((worker.out().match(/done replication/g) ?? []).length).toBeLessThan(9);
    await redis.stop();
    redis = await startLocalRedis(undefined, { dir: redisDir, appendOnly: true, port });

    // Each either reconnects and carries on, or stops with the message and exit 1: never hangs.
    const ended = await within(coordinator.exited, 120_000);
    expect(ended, coordinator.out()).not.toBe('still running');
    if (ended !== 0) expect(coordinator.out()).toMatch(/error: lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+\/0/);
    expect(coordinator.out()).not.toMatch(/Unhandled error event|\n\s+at /);
    if ((await within(worker.exited, 1)) !== 'still running') {
      expect(worker.out()).toMatch(/error: lost the connection to Redis/);
      const next = start(['worker', '--queue', url, '--workers', '1']);
      procs.push(next);
      await next.waitFor(/taking replications/, 30_000);
    }

    const rerun = await runCli(args);
    expect(rerun.code, rerun.stderr).toBe(0);
    const figures = async (out: string): Promise<string> => readFile(join(dir, out, 'sweep.csv'), 'utf8');
    expect(await figures('queued')).toBe(await figures('local'));
  }, 300_000);
});
