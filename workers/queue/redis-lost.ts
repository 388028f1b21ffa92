/**
 * What happens when Redis goes away mid-sweep: every connection retries for a
 * bounded time (about 13 s), then gives up, so that the coordinator and the
 * workers stop with a clear message and exit 1 instead of reconnecting for
 * ever (and printing ioredis's "Unhandled error event" meanwhile). What
 * finished is kept: results stored in Redis stay there, and the same command
 * run again finds them.
 */
import { Redis } from 'ioredis';
import { connectionOptions, type RedisAddress } from './redis-url.js';

/** Reconnection attempts before giving up, and the longest wait between two (ms). */
export const RECONNECT = { attempts: 15, maxDelayMs: 1000 } as const;

/** ioredis retryStrategy: a growing wait, then null (give up) after RECONNECT.attempts. */
export function boundedRetry(times: number): number | null {
  return times > RECONNECT.attempts ? null : Math.min(times * 200, RECONNECT.maxDelayMs);
}

/** Connection options for BullMQ and ioredis with the bounded retry. */
export function boundedConnection(address: RedisAddress): ReturnType<typeof connectionOptions> & { retryStrategy: typeof boundedRetry } {
  return { ...connectionOptions(address), retryStrategy: boundedRetry };
}

/**
 * Our own client of Redis, watched: `lost` resolves with a message for people
 * once it has given up reconnecting.
 */
export function watchedClient(address: RedisAddress): { redis: Redis; lost: Promise<string> } {
  const redis = new Redis({ ...boundedConnection(address), maxRetriesPerRequest: null });
  let last = '';
  redis.on('error', (e: NodeJS.ErrnoException) => (last = e.code ?? e.message));
  let everReady = false;
  redis.on('ready', () => (everReady = true));
  const lost = new Promise<string>((resolve) => {
    redis.once('end', () =>
      resolve(
        `lost the connection to Redis at ${address.shown}${last ? ` (${last})` : ''} and could not ${everReady ? 'reconnect' : 'connect'} within ${RECONNECT.attempts} attempts`,
      ),
    );
  });
  return { redis, lost };
}
