/**
 * What an interface engine and a bed manager would see go wrong, over a real
 * MLLP socket and a real SQLite file: a resend counted twice, a late message
 * applied out of order, a malformed message half-applied, an ACK for a message
 * a full disk did not store, a write from another machine without the token,
 * a patient's identifier in the service's log.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statfsSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { adtMessage, bindProblem, Journal, requestAccess, type AdtFields } from '../../live/index.js';
import { exchange, getJson, startTwin } from './live-helpers.js';

const ED = 'Emergency Department';
let k = 0;
const adt = (f: Partial<AdtFields> & Pick<AdtFields, 'trigger' | 'eventTime' | 'visit'>) =>
  adtMessage({ controlId: `S${++k}`, patient: 'MRN-SECRET-7', patientClass: 'E', ...f });

const running: Awaited<ReturnType<typeof startTwin>>[] = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()!.close();
});
async function twin(o: Parameters<typeof startTwin>[0] = {}) {
  const t = await startTwin(o);
  running.push(t);
  return t;
}

describe('the live twin over MLLP', () => {
  it('stores a resent control id once: the second gets AA and changes nothing', async () => {
    const t = await twin();
    const m = adt({ trigger: 'A04', eventTime: '2150-01-01T10:00', visit: 'VISIT-SECRET-1', location: ED });
    const acks = await exchange(t.mllpPort, [m, m]);
    expect(acks.map((a) => a.code)).toEqual(['AA', 'AA']);
    expect(acks[1]!.text).toMatch(/already stored/);
    expect(t.twin.journal.count).toBe(1);
    expect((await getJson(t.httpPort, '/state')).body.patients).toHaveLength(1);
  });

  it('applies a late message where its event time puts it', async () => {
    const t = await twin();
    const admit = adt({ trigger: 'A04', eventTime: '2150-01-01T10:00', visit: 'V1', location: ED });
    const toMicu = adt({ trigger: 'A01', eventTime: '2150-01-01T14:00', visit: 'V1', location: 'Medical Intensive Care Unit (MICU)' });
    const toMedicine = adt({ trigger: 'A02', eventTime: '2150-01-02T09:00', visit: 'V1', location: 'Medicine' });
    // The ICU admission arrives last, after the later transfer out of it.
    await exchange(t.mllpPort, [admit, toMedicine, toMicu]);
    const p = (await getJson(t.httpPort, '/state')).body.patients[0];
    expect(p).toMatchObject({ ward: 'Medicine', since: '2150-01-02T09:00', arrived: '2150-01-01T10:00' });
    expect((await getJson(t.httpPort, '/state?at=2150-01-01T20:00')).body.patients[0]).toMatchObject({ ward: 'micu' });
  });

  it('answers a malformed message AR with the reason, and nothing changes', async () => {
    const t = await twin({ maxMessageBytes: 4096 });
    const ok = adt({ trigger: 'A04', eventTime: '2150-01-01T10:00', visit: 'V1', location: ED });
    const noTime = adt({ trigger: 'A02', eventTime: '2150-01-01T11:00', visit: 'V1', location: 'Medicine' }).replace(/EVN\|A02\|\d+/, 'EVN|A02|yesterday');
    const noPlace = adt({ trigger: 'A01', eventTime: '2150-01-01T11:00', visit: 'V1' });
    const notAdt = 'MSH|^~\\&|LAB|X|TWIN|Y|20500101||ORU^R01|L1|P|2.5\rOBX|1';
    const huge = adt({ trigger: 'A08', eventTime: '2150-01-01T11:00', visit: 'V1', service: 'x'.repeat(5000) });
    const acks = await exchange(t.mllpPort, [ok, noTime, noPlace, notAdt, 'garbage', huge]);
    expect(acks.map((a) => a.code)).toEqual(['AA', 'AR', 'AR', 'AR', 'AR', 'AR']);
    expect(acks[1]!.text).toMatch(/EVN-2/);
    expect(acks[2]!.text).toMatch(/PV1-3/);
    expect(acks[3]!.text).toMatch(/only ADT/);
    expect(acks[5]!.text).toMatch(/larger than the 4096/);
    expect(t.twin.journal.count).toBe(1);
    expect((await getJson(t.httpPort, '/state')).body.patients[0]).toMatchObject({ ward: 'ed' });
  });

  it('never writes a patient identifier, visit number or control id in its log lines', async () => {
    const t = await twin();
    await exchange(t.mllpPort, [
      adt({ trigger: 'A04', eventTime: '2150-01-01T10:00', visit: 'VISIT-SECRET-2', location: 'Ward-SECRET' }),
      adt({ trigger: 'A02', eventTime: 'bad', visit: 'VISIT-SECRET-3', location: ED }).replace(/EVN\|A02\|\d*/, 'EVN|A02|x'),
    ]);
    await getJson(t.httpPort, '/health');
    expect(t.lines.length).toBeGreaterThan(1);
    for (const line of t.lines) expect(line).not.toMatch(/SECRET|S\d+\b/);
  });
});

/** A 1 MB tmpfs if this process may mount one (root), else null. */
function smallTmpfs(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'live-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return null;
  }
}

describe('a full disk', () => {
  const mounted: string[] = [];
  afterAll(() => mounted.forEach((d) => execFileSync('umount', ['-l', d], { stdio: 'ignore' })));

  // A real full disk (a 1 MB tmpfs, if this process may mount one), and SQLITE_FULL from a page cap on the file (anywhere).
  it.each(['a full tmpfs', 'a page cap'])('answers AE, never AA, for a message it could not store, and keeps every one it acknowledged (%s)', async (how) => {
    let store: string;
    let maxPages: number | undefined;
    const dir = how === 'a full tmpfs' ? smallTmpfs() : null;
    if (how === 'a full tmpfs' && !dir) return; // not root here: the page cap below shows the same answer
    if (dir) {
      mounted.push(dir);
      mkdirSync(join(dir, 'twin'));
      store = join(dir, 'twin', 'twin.sqlite');
      Journal.open(store).close();
      // Leave about 160 KB free (the WAL and its index need some to open): some messages fit, then the disk is full.
      const free = Number(statfsSync(dir).bavail) * Number(statfsSync(dir).bsize);
      writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, free - 160 * 1024)));
    } else {
      store = join(mkdtempSync(join(tmpdir(), 'live-full-')), 'twin.sqlite');
      maxPages = 40;
    }
    const t = await twin({ store, ...(maxPages ? { maxPages } : {}) });
    const messages = Array.from({ length: 400 }, (_, i) =>
      adt({ trigger: 'A04', eventTime: `2150-01-01T10:${String(i % 60).padStart(2, '0')}`, visit: `V${i}`, location: ED, service: 's'.repeat(2000) }),
    );
    const acks = await exchange(t.mllpPort, messages);
    const firstAe = acks.findIndex((a) => a.code === 'AE');
    expect(firstAe).toBeGreaterThan(0);
    expect(acks[firstAe]!.text).toMatch(/not stored: .*full/);
    const stored = new Set(acks.filter((a) => a.code === 'AA').map((a) => a.controlId));
    const inJournal = new Set([...t.twin.journal.entries()].map((e) => e.controlId));
    // Every AA is in the journal, every AE is not.
    expect(inJournal).toEqual(stored);
    expect(acks.every((a) => a.code === 'AA' || a.code === 'AE')).toBe(true);
    expect((await getJson(t.httpPort, '/health')).body.messages).toBe(stored.size);
  });
});

describe('safe by default', () => {
  it('will not listen beyond loopback without a token', () => {
    expect(bindProblem('0.0.0.0', undefined)).toMatch(/give --token/);
    expect(bindProblem('127.0.0.1', undefined)).toBeUndefined();
    expect(requestAccess({ remote: '10.1.2.3', write: true, token: undefined, authorization: undefined })).toMatchObject({ ok: false, status: 403 });
    expect(requestAccess({ remote: '::ffff:127.0.0.1', write: true, token: undefined, authorization: undefined })).toEqual({ ok: true });
  });

  it('refuses a write without the right token, from this machine and from another address', async () => {
    const token = 'a-long-test-token-0123456789';
    const t = await twin({ host: '0.0.0.0', token });
    const bundle = JSON.stringify({ resourceType: 'Bundle', type: 'batch', timestamp: '2150-01-01T10:00:00Z', entry: [] });
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4')?.address;
    for (const host of ['127.0.0.1', ...(external ? [external] : [])]) {
      const post = (auth?: string) =>
        fetch(`http://${host}:${t.httpPort}/fhir`, {
          method: 'POST',
          body: bundle,
          headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        });
      expect((await post()).status).toBe(401);
      expect((await post('Bearer wrong-token-wrong-token-xx')).status).toBe(403);
      expect((await post(`Bearer ${token}`)).status).toBeLessThan(300);
    }
    if (external) {
      // A read from another address needs the token too: the state names visits.
      expect((await fetch(`http://${external}:${t.httpPort}/state`)).status).toBe(401);
    }
  });
});
