/**
 * Who may do what: the service binds loopback by default; bound elsewhere it
 * needs a token, which every write must carry, and a request from outside the
 * machine must carry it to read as well (the state names patients' visits).
 */
import { timingSafeEqual } from 'node:crypto';

export function isLoopback(address: string): boolean {
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || a === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

/** Refused before starting: a listener beyond this machine without a token. */
export function bindProblem(host: string, token: string | undefined): string | undefined {
  if (isLoopback(host) || token !== undefined) return undefined;
  return `--host ${host} listens beyond this machine: give --token (at least 16 characters) so that only those who hold it can write`;
}

export type Access = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/** Whether a request from `remote` with this Authorization header may read or write. */
export function requestAccess(o: { remote: string; write: boolean; token: string | undefined; authorization: string | undefined }): Access {
  const local = isLoopback(o.remote);
  if (o.token === undefined) {
    if (local) return { ok: true };
    return { ok: false, status: 403, reason: 'this twin takes requests from this machine only (it was started without --token)' };
  }
  // A read from this machine needs no token; one that brings a wrong token is told so, not served as if it were right.
  if (local && !o.write && o.authorization === undefined) return { ok: true };
  const given = /^Bearer (.+)$/.exec(o.authorization ?? '')?.[1];
  if (given === undefined) return { ok: false, status: 401, reason: 'needs "Authorization: Bearer <token>"' };
  const a = Buffer.from(given);
  const b = Buffer.from(o.token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, status: 403, reason: "the token is not this twin's" };
  return { ok: true };
}
