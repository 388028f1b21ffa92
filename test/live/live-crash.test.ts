/**
 * The service as a process (`hospital-twin serve`): killed with SIGKILL in the
 * middle of a 10,000-message stream from eight connections (acknowledged in
 * group commits), restarted on the same journal, and sent
 * everything it had not acknowledged, it holds every message once, none lost;
 * and a damaged journal is refused at start (exit 2), never recreated.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { adtMessage, feedMessages, Journal, type FeedMessage } from '../../live/index.js';
import { CLI, runCli } from '../run-cli.js';
import { getJson, MAP_FILE, SCENARIO_FILE, tempStore } from './live-helpers.js';

function serve(store: string): Promise<{ child: ChildProcess; http: number; mllp: number }> {
  const args = [CLI, 'serve', SCENARIO_FILE, '--map', MAP_FILE, '--store', store, '--port', '0', '--mllp-port', '0'];
  const child = spawn(process.execPath, [...args, '--debounce', '86400', '--every', '1440', '-r', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const ports = JSON.parse(line) as { http: number; mllp: number };
      resolve({ child, http: ports.http, mllp: ports.mllp });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening: ${stderr}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('serve killed mid-stream', () => {
  // A hang guard, not a speed bound: each group's ACKs wait for an fsync, and a slow disk takes minutes over 10,000.
  it('holds every acknowledged message once after kill -9, a restart and a resend of the rest', { timeout: 900_000 }, async () => {
    const N = 10_000;
    const messages: FeedMessage[] = Array.from({ length: N }, (_, i) => {
      const at = Date.UTC(2150, 0, 1) / 60_000 + i;
      const controlId = `K${i}`;
      const eventTime = new Date(at * 60_000).toISOString().slice(0, 16);
      return {
        controlId,
        atMinutes: at,
        text: adtMessage({ controlId, trigger: 'A04', eventTime, visit: `V${i}`, patientClass: 'E', location: 'Emergency Department' }),
      };
    });
    const store = tempStore();
    const acked = new Set<string>();
    const first = await serve(store);
    // Eight connections at once, so that messages are acknowledged in groups (one commit each): killed once a
    // third has been acknowledged, with groups on their way.
    const SENDERS = 8;
    const streams = Array.from({ length: SENDERS }, (_, k) => messages.filter((_, i) => i % SENDERS === k));
    const sent = await Promise.allSettled(
      streams.map((stream) =>
        feedMessages(stream, {
          host: '127.0.0.1',
          port: first.mllp,
          speed: 0,
          maxWaitMs: 0,
          attempts: 1,
          onAck: (m, code) => {
            if (code === 'AA') acked.add(m.controlId);
            if (acked.size === Math.floor(N / 3)) first.child.kill('SIGKILL');
          },
        }),
      ),
    );
    for (const r of sent) expect(r.status === 'rejected' && String(r.reason)).toMatch(/not acknowledged/);
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(Math.floor(N / 3));
    expect(acked.size).toBeLessThan(N);

    const second = await serve(store);
    try {
      const rest = messages.filter((m) => !acked.has(m.controlId));
      const r = await feedMessages(rest, { host: '127.0.0.1', port: second.mllp, speed: 0, maxWaitMs: 0 });
      expect(r.accepted).toBe(rest.length);
      const health = (await getJson(second.http, '/health')).body;
      expect(health.messages).toBe(N);
      const state = (await getJson(second.http, '/state')).body;
      expect(state.patients).toHaveLength(N);
      expect(new Set(state.patients.map((p: { id: string }) => p.id)).size).toBe(N);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
    const journal = Journal.open(store);
    const ids = [...journal.entries()].map((e) => e.controlId);
    journal.close();
    expect(ids).toHaveLength(N);
    expect(new Set(ids)).toEqual(new Set(messages.map((m) => m.controlId)));
    for (const id of acked) expect(ids).toContain(id);
  });
});

describe('a damaged journal', () => {
  it('is refused at start with a clear error and exit 2, and left as it was', async () => {
    const store = tempStore();
    Journal.open(store).close();
    const bytes = readFileSync(store);
    bytes.write('not an SQLite header', 0);
    writeFileSync(store, bytes);
    const r = await runCli(['serve', SCENARIO_FILE, '--map', MAP_FILE, '--store', store, '--port', '0', '--mllp-port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be used as the store.*left as it is/);
    expect(readFileSync(store)).toEqual(bytes);
  });

  it('refuses a file that is some other SQLite database', async () => {
    const store = tempStore();
    const Database = (await import('better-sqlite3')).default;
    new Database(store).exec('CREATE TABLE t (x)');
    const r = await runCli(['serve', SCENARIO_FILE, '--map', MAP_FILE, '--store', store, '--port', '0', '--mllp-port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a hospital-twin store/);
  });
});
