/**
 * `--queue redis://[user:password@]HOST[:PORT][/DB]` (or `rediss://` for TLS):
 * read into connection options, refused with a plain message when it is not
 * such an address.
 */
export interface RedisAddress {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: Record<string, never>;
  /** The address as given, without its password, for messages. */
  shown: string;
}

export class RedisUrlError extends Error {
  override readonly name = 'RedisUrlError';
}

export function parseRedisUrl(text: string): RedisAddress {
  const bad = (why: string): RedisUrlError => new RedisUrlError(`must be a Redis address such as redis://127.0.0.1:6379/0 (${why}), got "${text}"`);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw bad('not an address');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw bad(`the scheme must be redis:// or rediss://, not ${url.protocol}//`);
  if (url.hostname === '') throw bad('no host');
  const port = url.port === '' ? 6379 : Number(url.port);
  const path = url.pathname.replace(/^\//, '');
  if (!/^\d*$/.test(path)) throw bad('the database after the host must be a whole number');
  const db = path === '' ? 0 : Number(path);
  if (db > 15) throw bad('the database must be from 0 to 15');
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const shownUrl = new URL(url.href);
  if (shownUrl.password !== '') shownUrl.password = '***';
  return {
    host: hostname,
    port,
    db,
    ...(url.username !== '' ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password !== '' ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    shown: shownUrl.href.replace(/\/$/, ''),
  };
}

/** ioredis / BullMQ connection options for the address. */
export function connectionOptions(a: RedisAddress): {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls?: Record<string, never>;
} {
  return {
    host: a.host,
    port: a.port,
    db: a.db,
    ...(a.username !== undefined ? { username: a.username } : {}),
    ...(a.password !== undefined ? { password: a.password } : {}),
    ...(a.tls ? { tls: a.tls } : {}),
  };
}
