/**
 * Before anything is queued: is Redis there, and is it set up so that jobs and
 * results are not lost? A Redis that evicts keys under memory pressure can drop
 * a job or a stored result without a word, so that is refused; one that keeps
 * nothing on disk loses the queue if it restarts, which is said, not refused.
 */
import { Redis } from 'ioredis';
import { connectionOptions, type RedisAddress } from './redis-url.js';

export class QueueUnavailable extends Error {
  override readonly name = 'QueueUnavailable';
}

export interface PreflightReport {
  /** Things the user should know, in plain words (e.g. nothing kept on disk). */
  warnings: string[];
}

export async function preflight(address: RedisAddress, timeoutMs = 5000): Promise<PreflightReport> {
  const client = new Redis({
    ...connectionOptions(address),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let lastError: Error | undefined;
  client.on('error', (e: Error) => (lastError = e));
  try {
    try {
      await client.connect();
      await client.ping();
    } catch (e) {
      const why = lastError ?? e;
      throw new QueueUnavailable(`cannot reach Redis at ${address.shown}: ${why instanceof Error ? why.message : String(why)}`);
    }
    const warnings: string[] = [];
    const config = async (name: string): Promise<string | undefined> => {
      try {
        const [, value] = (await client.config('GET', name)) as string[];
        return value;
      } catch {
        return undefined; // managed Redis often forbids CONFIG; nothing to check then
      }
    };
    const policy = await config('maxmemory-policy');
    if (policy !== undefined && policy !== 'noeviction') {
      throw new QueueUnavailable(
        `Redis at ${address.shown} has maxmemory-policy ${policy}: it may drop queued jobs or stored results when memory runs short. Set it to noeviction (redis-cli CONFIG SET maxmemory-policy noeviction, and in redis.conf).`,
      );
    }
    const aof = await config('appendonly');
    const save = await config('save');
    if (aof === 'no' && save === '')
      warnings.push(
        `Redis at ${address.shown} keeps nothing on disk (no appendonly, no save): if it restarts, queued jobs and stored results are lost and a rerun starts again.`,
      );
    return { warnings };
  } finally {
    client.disconnect();
  }
}
