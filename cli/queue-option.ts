/**
 * `--queue redis://HOST:PORT/N`: replications go through BullMQ on that Redis to
 * `hospital-twin worker` processes, instead of this machine's worker threads.
 */
import { InvalidArgumentError, Option } from 'commander';
import { parseRedisUrl, QueueRunner, RedisUrlError, type RedisAddress, type ReplicationRunner } from '../workers/node.js';
import { createPool } from './run-experiment.js';

export function parseQueue(text: string): RedisAddress {
  try {
    return parseRedisUrl(text);
  } catch (e) {
    if (e instanceof RedisUrlError) throw new InvalidArgumentError(e.message);
    throw e;
  }
}

export const queueOption = (): Option =>
  new Option(
    '-q, --queue <redis-url>',
    'run the replications on `hospital-twin worker` processes through this Redis (e.g. redis://10.0.0.5:6379/0) instead of here',
  ).argParser(parseQueue);

/** The runner asked for: the queue when given (its warnings said on stderr), else a local pool. */
export async function createRunner(
  replications: number,
  o: { workers?: number; queue?: RedisAddress },
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<ReplicationRunner> {
  if (!o.queue) return createPool(replications, o.workers);
  const runner = await QueueRunner.connect(o.queue, { onNotice: (text) => void stderr.write(`warning: ${text}\n`) });
  for (const w of runner.warnings) stderr.write(`warning: ${w}\n`);
  stderr.write(`Replications go to the workers on ${o.queue.shown} (start them with: hospital-twin worker --queue ${o.queue.shown}).\n`);
  return runner;
}
