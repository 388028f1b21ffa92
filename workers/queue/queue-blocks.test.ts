/**
 * Jobs of a block of replications through a real redis-server: a worker killed
 * in the middle of a block (one replication stored, the next in hand), the
 * block taken by another worker once its lock runs out, which runs only what is
 * missing; the figures must equal a local run's to the bit. Skipped only when
 * redis-server is not installed and CI is not set.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli, type CliProcess } from '../../test/cli-process.js';
import { runCli, tempDir } from '../../test/run-cli.js';
import { queueNames } from './job-key.js';
import { redisServerInstalled, startLocalRedis, type LocalRedis } from './local-redis-server.js';
import { modelVersion } from './model-version.js';
import { deskScenario } from '../../test/desk-scenario.js';

/** An M/M/2 desk over 600 days: a replication takes about a second, long enough to kill a worker in the middle of the next. */
const DESK = deskScenario({ name: 'long-desk', days: 600, replications: 6 });

type Proc = CliProcess;
const start = startCli;

const worker = (url: string): Proc => start(['worker', '--queue', url, '--workers', '1', '--lock-seconds', '2']);
const keyOf = (line: string): string => /\[([^\]]+)\]/.exec(line)![1]!;

describe.skipIf(!redisServerInstalled() && !process.env['CI'])('jobs that carry a block of replications', () => {
  let redis: LocalRedis | undefined;
  const procs: Proc[] = [];

  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await redis?.stop();
  });

  it("give a run the figures of a local run, to the bit, with a block's worker killed mid-block and the block finished by another", async () => {
    redis = await startLocalRedis();
    const dir = await tempDir();
    await writeFile(join(dir, 'desk.yaml'), DESK);
    const args = ['run', join(dir, 'desk.yaml'), '--seed', 'blocks', '--json'];
    const local = await runCli([...args, '--workers', '1']);
    expect(local.code, local.stderr).toBe(0);

    // One worker of one thread when the run starts: 6 replications go out as blocks of 3, 2 and 1 (what is left over twice the threads).
    const a = worker(redis.url);
    procs.push(a);
    await a.line(/taking replications/);
    const coordinator = start([...args, '--queue', redis.url]);
    procs.push(coordinator);
    const done = await a.line(/^done replication \d+ of long-desk/);
    const first = Number(/^done replication (\d+)/.exec(done)![1]);
    // The same job goes on to the block's next replication: killed with it in hand.
    await a.line(new RegExp(`^took replication ${first + 1} of long-desk`));
    a.child.kill('SIGKILL');
    await a.exited;
    expect(a.out()).not.toMatch(new RegExp(`^done replication ${first + 1} `, 'm'));

    const b = worker(redis.url);
    procs.push(b);
    expect(await coordinator.exited, coordinator.out()).toBe(0);
    expect(coordinator.stdout()).toBe(local.stdout);
    // The block came back to b once a's lock ran out: b kept what a stored and ran the rest.
    expect(b.out()).toContain(`replication ${first} of long-desk already stored by another worker: not run again [${keyOf(done)}]`);
    expect(b.out()).toMatch(new RegExp(`^done replication ${first + 1} of long-desk`, 'm'));
    expect(b.out()).not.toMatch(new RegExp(`^took replication ${first} of`, 'm'));

    // Each replication stored once, under its own key.
    const client = new Redis(redis.port, '127.0.0.1');
    try {
      const keys = Object.keys(await client.hgetall(queueNames(modelVersion()).results));
      expect(keys).toHaveLength(6);
      expect(keys.every((k) => /\.sYmxvY2tz\.\d$/.test(k))).toBe(true);
    } finally {
      client.disconnect();
    }
  }, 300_000);
});
