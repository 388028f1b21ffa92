/**
 * A sweep and a run through a real Redis with two worker processes: one worker
 * killed (SIGKILL) with a job in hand, the coordinator killed and rerun, a job
 * run a second time; the figures must equal a local run's to the bit.
 * Skipped only when redis-server is not installed and CI is not set; on CI a
 * missing redis-server fails.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type CliProcess } from '../../test/cli-process.js';
import { runCli, tempDir } from '../../test/run-cli.js';
import { JOB_DEFAULTS, JOB_NAME } from './job-data.js';
import { queueNames } from './job-key.js';
import { redisServerInstalled, startLocalRedis, type LocalRedis } from './local-redis-server.js';
import { modelVersion } from './model-version.js';
import { deskScenario } from '../../test/desk-scenario.js';

/** An M/M/2 desk over 600 days: a replication takes long enough (about a second) to be killed in the middle of. */
const DESK = deskScenario({ name: 'long-desk', days: 600, replications: 4 });

const SWEEP = `
name: desks
base: desk.yaml
parameters:
  resources.desk.units: [2, 3]
replications: 4
seed: 7
keep: [wait.visit.desk, utilisation.desk]
rank: { by: wait.visit.desk.mean, order: min }
`;

type Proc = CliProcess;
const start = startCli;

const worker = (url: string): Proc => start(['worker', '--queue', url, '--workers', '1', '--lock-seconds', '2']);
const keyOf = (line: string): string => /\[([^\]]+)\]/.exec(line)![1]!;

describe.skipIf(!redisServerInstalled() && !process.env['CI'])('replications through BullMQ on a real redis-server', () => {
  let redis: LocalRedis;
  let dir: string;
  let a: Proc;
  let b: Proc;

  beforeAll(async () => {
    redis = await startLocalRedis();
    dir = await tempDir();
    await writeFile(join(dir, 'desk.yaml'), DESK);
    await writeFile(join(dir, 'sweep.yaml'), SWEEP);
  });

  afterAll(async () => {
    for (const p of [a, b]) if (p && p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await redis?.stop();
  });

  it('gives a sweep the figures of a local sweep, to the bit, with a worker killed mid-job and its job run by the other', async () => {
    const local = await runCli(['sweep', join(dir, 'sweep.yaml'), '--workers', '1', '--out', join(dir, 'local')]);
    expect(local.code, local.stderr).toBe(0);

    a = worker(redis.url);
    b = worker(redis.url);
    await Promise.all([a.line(/taking replications/), b.line(/taking replications/)]);
    const coordinator = start(['sweep', join(dir, 'sweep.yaml'), '--queue', redis.url, '--out', join(dir, 'queued')]);
    const took = await a.line(/^took replication/);
    a.child.kill('SIGKILL');
    await a.exited;
    const key = keyOf(took);
    // Killed with the job in hand: it never said it was done.
    expect(
      a
        .out()
        .split('\n')
        .filter((l) => l.startsWith('done') && l.includes(`[${key}]`)),
    ).toEqual([]);

    expect(await coordinator.exited, coordinator.out()).toBe(0);
    // The other worker took the killed worker's job once its lock ran out.
    expect(b.out()).toContain(`[${key}]`);
    const [queued, expected] = await Promise.all([readFile(join(dir, 'queued', 'sweep.json'), 'utf8'), readFile(join(dir, 'local', 'sweep.json'), 'utf8')]);
    expect(queued).toBe(expected);
    expect(await readFile(join(dir, 'queued', 'sweep.csv'), 'utf8')).toBe(await readFile(join(dir, 'local', 'sweep.csv'), 'utf8'));

    // The same job queued and run once more stores nothing new.
    const names = queueNames(modelVersion());
    const client = new Redis(redis.port, '127.0.0.1');
    const queue = new Queue(names.queue, { connection: { host: '127.0.0.1', port: redis.port }, prefix: names.prefix, defaultJobOptions: JOB_DEFAULTS });
    try {
      const before = await client.hgetall(names.results);
      const [hash, seed, replication] = key.split('.');
      await queue.add(JOB_NAME, { scenarioHash: hash!, seed: Number(seed!.slice(1)), replication: Number(replication), trace: false }, { jobId: key });
      await b.line(/already stored by another worker/);
      expect(await client.hgetall(names.results)).toEqual(before);
    } finally {
      await queue.close();
      client.disconnect();
    }
  }, 300_000);

  it('gives `run` the figures of a local run after its coordinator is killed and rerun, each replication run once', async () => {
    const args = ['run', join(dir, 'desk.yaml'), '--replications', '6', '--seed', 'resume', '--json'];
    const local = await runCli([...args, '--workers', '1']);
    expect(local.code, local.stderr).toBe(0);

    b ??= worker(redis.url); // when the first test failed before starting it
    await b.line(/taking replications/);
    const doneBefore = (b.out().match(/done replication \d+ of long-desk/g) ?? []).length;
    const first = start([...args, '--queue', redis.url]);
    // Wait for one replication of this run, then kill the coordinator outright.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if ((b.out().match(/done replication \d+ of long-desk/g) ?? []).length > doneBefore) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
    });
    first.child.kill('SIGKILL');
    await first.exited;

    const rerun = await runCli([...args, '--queue', redis.url]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toBe(local.stdout);
    const keys = [...b.out().matchAll(/took replication \d+ of long-desk \(seed "resume"\) \[([^\]]+)\]/g)].map((m) => m[1]);
    expect(keys).toHaveLength(6);
    expect(new Set(keys).size).toBe(6);

    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    expect(b.out()).toMatch(/stopped after \d+ replication/);
  }, 300_000);
});
