// Node-only: replications through BullMQ on Redis (see queue-runner.ts and queue-worker.ts).
export { QueueRunner, type QueueRunnerOptions } from './queue-runner.js';
export { QueueWorker, type QueueWorkerOptions, type WorkerEvent } from './queue-worker.js';
export { parseRedisUrl, RedisUrlError, type RedisAddress } from './redis-url.js';
export { QueueUnavailable } from './preflight.js';
export { startLocalRedis, redisServerInstalled, REDIS_SERVER, type LocalRedis } from './local-redis-server.js';
