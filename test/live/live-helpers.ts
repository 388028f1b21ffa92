/**
 * What the live twin's tests share: the MIMIC-IV demo's calibrated scenario and
 * its FHIR mapping (examples/live/), a service started in this process on free
 * ports with a journal in a temp folder, one MLLP exchange, and the batch
 * snapshot of the transfers log at a moment, read from the CSV independently
 * of `feed` and of the fold.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { resolveScenario } from '../../cli/resolve-scenario.js';
import { mllpFrame, MllpReader, readAck, serveLiveTwin, type LiveTwinHandle, type ServeOptions } from '../../live/index.js';
import { parseFhirMapping, stateFromFhir, type FhirMapping, type HospitalState, type Scenario } from '../../scenarios/index.js';

export const SCENARIO_FILE = new URL('../../examples/live/mimic-iv-demo.yaml', import.meta.url).pathname;
export const MAP_FILE = new URL('../../examples/live/mimic-iv-demo-map.json', import.meta.url).pathname;
export const LOG_FILE = new URL('../../examples/data/mimic-iv-demo/hosp/transfers.csv.gz', import.meta.url).pathname;
export const LOG_MAP_FILE = new URL('../../calibration/maps/mimic-iv-transfers.yaml', import.meta.url).pathname;

export const MAPPING: FhirMapping = parseFhirMapping(JSON.parse(readFileSync(MAP_FILE, 'utf8')), MAP_FILE);

let scenario: Promise<Scenario> | undefined;
export function mimicScenario(): Promise<Scenario> {
  scenario ??= resolveScenario(SCENARIO_FILE);
  return scenario;
}

export function tempStore(): string {
  return join(mkdtempSync(join(tmpdir(), 'live-twin-')), 'twin.sqlite');
}

/** A service on free loopback ports; forecasts only when a test asks (long debounce and period). */
export async function startTwin(o: Partial<ServeOptions> = {}): Promise<LiveTwinHandle & { lines: string[] }> {
  const lines: string[] = [];
  const handle = await serveLiveTwin({
    scenario: await mimicScenario(),
    mapping: MAPPING,
    store: tempStore(),
    host: '127.0.0.1',
    httpPort: 0,
    mllpPort: 0,
    allow: [],
    hours: 72,
    replications: 4,
    seed: 1,
    workers: 1,
    debounceMs: 3_600_000,
    everyMs: 3_600_000,
    staleMs: 3_600_000,
    log: (l) => lines.push(l),
    ...o,
  });
  return { ...handle, lines };
}

/** Sends HL7 messages on one MLLP connection and returns their ACKs (MSA-1, MSA-2, MSA-3), in order. */
export function exchange(port: number, messages: readonly string[], host = '127.0.0.1'): Promise<{ code: string; controlId: string; text: string }[]> {
  return new Promise((resolve, reject) => {
    const acks: { code: string; controlId: string; text: string }[] = [];
    const reader = new MllpReader(1 << 20);
    const s = connect({ host, port }, () => s.write(Buffer.concat(messages.map((m) => mllpFrame(m)))));
    s.on('data', (chunk: Buffer) => {
      for (const p of reader.push(chunk)) if ('message' in p) acks.push(readAck(p.message)!);
      if (acks.length === messages.length) {
        s.destroy();
        resolve(acks);
      }
    });
    s.on('error', reject);
    s.on('close', () => acks.length < messages.length && reject(new Error(`connection closed after ${acks.length} ACK(s)`)));
  });
}

interface TransferRow {
  hadm_id: string;
  transfer_id: string;
  eventtype: string;
  careunit: string;
  intime: string;
  outtime: string;
}

const minutes = (t: string) => Date.parse(`${t.replace(' ', 'T')}Z`) / 60_000;
const local = (t: string) => t.replace(' ', 'T').slice(0, 16);

/**
 * The hospital at `at` (minutes since 1970) by the transfers table alone: each
 * admission (or ED visit without one) with a stay whose [intime, outtime)
 * holds the moment is in that stay's unit since its intime, arrived at its
 * first stay's intime; read by the FHIR mapping into the state.
 */
let rowsRead: TransferRow[] | undefined;
export function batchSnapshot(at: number, asOf: string): HospitalState {
  const rows = (rowsRead ??= parse(gunzipSync(readFileSync(LOG_FILE)).toString('utf8'), { columns: true }) as TransferRow[]);
  const byCase = new Map<string, TransferRow[]>();
  for (const r of rows) {
    if (r.eventtype === 'discharge' || r.outtime === '') continue;
    const id = r.hadm_id !== '' ? r.hadm_id : `transfer_id:${r.transfer_id}`;
    byCase.set(id, [...(byCase.get(id) ?? []), r]);
  }
  const items = [...byCase]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([id, stays]) => {
      const here = stays.find((s) => minutes(s.intime) <= at && at < minutes(s.outtime));
      if (!here) return [];
      const first = stays.reduce((a, b) => (minutes(b.intime) < minutes(a.intime) ? b : a));
      const resource = {
        resourceType: 'Encounter',
        id,
        status: 'in-progress',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v2-0004', code: 'I' },
        period: { start: local(first.intime) },
        location: [{ location: { reference: `Location/${here.careunit}` }, status: 'active', period: { start: local(here.intime) } }],
      };
      return [{ resource, path: `case ${id}` }];
    });
  return stateFromFhir(items, MAPPING, asOf, 'batch snapshot');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read back, shaped as each test reads it
export async function getJson(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const r = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
  return { status: r.status, body: await r.json() };
}

/** Resolves with the first SSE event of this type on /events (after `start` is called, so none is missed). */
export async function nextEvent(port: number, type: string, start: () => void): Promise<unknown> {
  const r = await fetch(`http://127.0.0.1:${port}/events`);
  const reader = r.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  // The stream's first bytes say it is open: only then is the subscriber in place.
  text += decoder.decode((await reader.read()).value);
  start();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('events stream ended');
    text += decoder.decode(value);
    const m = new RegExp(`event: ${type}\\ndata: (.*)\\n\\n`).exec(text);
    if (m) {
      await reader.cancel();
      return JSON.parse(m[1]!);
    }
  }
}
