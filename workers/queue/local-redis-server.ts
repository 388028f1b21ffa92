/**
 * A throwaway redis-server on 127.0.0.1 for tests and the bench: a free port, a
 * temporary folder, nothing saved to disk, eviction off; stopped by `stop()`.
 * A test of a restart gives the port and folder of the one it stopped, and asks
 * for an append-only file there, so what Redis held survives the restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export const REDIS_SERVER = '/usr/bin/redis-server';

export interface LocalRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function redisServerInstalled(path = REDIS_SERVER): boolean {
  return existsSync(path);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface LocalRedisOptions {
  /** The port (a restart's: the one before); a free one when not given. */
  port?: number;
  /** The folder for its files, kept by stop(); a temporary one, removed by stop(), when not given. */
  dir?: string;
  /** Keep what it holds in an append-only file in `dir`, written every second and on a clean stop. */
  appendOnly?: boolean;
}

export async function startLocalRedis(path = REDIS_SERVER, options: LocalRedisOptions = {}): Promise<LocalRedis> {
  if (!redisServerInstalled(path)) throw new Error(`redis-server is not installed at ${path} (Debian: apt-get install redis-server)`);
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'hospital-twin-redis-')));
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(
    path,
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
      ...['--appendonly', options.appendOnly ? 'yes' : 'no', '--maxmemory-policy', 'noeviction'],
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    if (options.dir === undefined) await rm(dir, { recursive: true, force: true });
  };
  const url = `redis://127.0.0.1:${port}/0`;
  // Ready when it answers PING (within 10 s).
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      return { url, port, stop };
    } catch {
      client.disconnect();
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await stop();
  throw new Error(`redis-server did not start on port ${port}:\n${output}`);
}
