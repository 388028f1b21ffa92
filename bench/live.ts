/**
 * The live twin (serve) on the MIMIC-IV demo's scenario:
 * - ADT messages per second acknowledged only after they are stored durably,
 *   over MLLP on loopback, the senders on a thread of their own (an interface
 *   engine is another process): one connection waiting for each ACK (one
 *   commit, one fsync, per message), 32 connections each waiting for its ACKs
 *   (the messages that arrive together share one commit), and a few
 *   connections pipelining (several messages in flight on each);
 * - what a message costs, stage by stage (parse, insert, commit, ACK);
 * - the seconds from a message to a new 72 h forecast announced on /events,
 *   with the service's default debounce, after a restart on the same journal,
 *   and where they go (debounce, state, replications).
 * Forecasting is off while the ingest is timed (a long debounce): the ingest
 * figures are the feed's alone.
 * LIVE_BENCH_MESSAGES, LIVE_BENCH_SENDERS and LIVE_BENCH_REPLICATIONS make it small for a check.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ackMessage, adtMessage, feedMessages, Journal, readAdt, serveLiveTwin, type FeedMessage, type ServeOptions } from '../live/index.js';
import { parseFhirMapping, parseScenarioText } from '../scenarios/index.js';
import type { Figures } from './hospital.js';
import type { SendersJob, SendersResult } from './live-senders.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/** `serve`'s default debounce (cli/commands/serve.ts). */
const DEBOUNCE_MS = 200;
/** Pipelined: connections, and messages in flight on each. */
const PIPE_CONNECTIONS = 4;
const PIPE_WINDOW = 32;

function messages(n: number, prefix: string, firstMinute: number): FeedMessage[] {
  return Array.from({ length: n }, (_, i) => {
    const controlId = `${prefix}${i}`;
    const at = firstMinute + i;
    const eventTime = new Date(at * 60_000).toISOString().slice(0, 16);
    // Visits come and go (registered, discharged 11 messages later), so about six are in the ED at a time.
    const text =
      i % 2 === 0 || i < 12
        ? adtMessage({ controlId, trigger: 'A04', eventTime, visit: `${prefix}V${i}`, patientClass: 'E', location: 'Emergency Department' })
        : adtMessage({ controlId, trigger: 'A03', eventTime, visit: `${prefix}V${i - 11}` });
    return { controlId, atMinutes: at, text };
  });
}

/** Senders on a thread of their own. */
function sendFromThread(job: SendersJob): Promise<SendersResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./live-senders.js', import.meta.url), { workerData: job });
    w.once('message', (r: SendersResult) => {
      resolve(r);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

/** What a message costs, stage by stage, measured alone in this thread (µs, except the commit's ms). */
function stageCosts(sample: readonly FeedMessage[]): { parse: number; ack: number; insert: number; commit: number } {
  const time = (f: () => void) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  for (const m of sample) readAdt(m.text); // the parser's code compiled before it is timed
  const parse = time(() => sample.forEach((m) => readAdt(m.text)));
  const ack = time(() => sample.forEach((m) => ackMessage('AA', m.controlId, 'stored', new Date().toISOString().slice(0, 19))));
  const journal = Journal.open(join(mkdtempSync(join(tmpdir(), 'bench-live-stages-')), 'j.sqlite'));
  try {
    const rows = sample.map((m) => ({ controlId: m.controlId, source: 'hl7' as const, eventMinutes: m.atMinutes, raw: m.text }));
    const half = Math.floor(rows.length / 2);
    const insert = time(() => journal.appendMany(rows.slice(0, half), 'now'));
    const commits = Math.min(200, rows.length - half);
    const commit = time(() => rows.slice(half, half + commits).forEach((r) => journal.appendMany([r], 'now')));
    return { parse: (parse * 1000) / sample.length, ack: (ack * 1000) / sample.length, insert: (insert * 1000) / half, commit: commit / commits };
  } finally {
    journal.close();
  }
}

export async function benchLive(log: (line: string) => void): Promise<Figures> {
  const n = Number(process.env['LIVE_BENCH_MESSAGES'] ?? 20_000);
  const senders = Number(process.env['LIVE_BENCH_SENDERS'] ?? 32);
  const replications = Number(process.env['LIVE_BENCH_REPLICATIONS'] ?? 200);
  const scenarioFile = root('examples/live/mimic-iv-demo.yaml');
  const scenario = parseScenarioText(readFileSync(scenarioFile, 'utf8'), scenarioFile);
  const mapping = parseFhirMapping(JSON.parse(readFileSync(root('examples/live/mimic-iv-demo-map.json'), 'utf8')));
  const store = join(mkdtempSync(join(tmpdir(), 'bench-live-')), 'twin.sqlite');
  const options = (debounceMs: number): ServeOptions => ({
    scenario,
    mapping,
    store,
    host: '127.0.0.1',
    httpPort: 0,
    mllpPort: 0,
    allow: [],
    hours: 72,
    replications,
    seed: 1,
    workers: availableParallelism(),
    debounceMs,
    everyMs: 3_600_000,
    staleMs: 3_600_000,
    log: (line) => line.startsWith('forecast: failed') && log(line),
  });
  const start = Date.UTC(2150, 0, 1) / 60_000;
  const all = messages(n, 'B', start);
  const stages = stageCosts(messages(Math.min(2000, n), 'S', start));
  const figures: Figures = {
    'live.parseMicrosPerMessage': stages.parse,
    'live.insertMicrosPerMessage': stages.insert,
    'live.ackMicrosPerMessage': stages.ack,
    'live.commitMs': stages.commit,
  };
  log(
    `a message's stages alone: parse ${stages.parse.toFixed(0)} µs, insert ${stages.insert.toFixed(0)} µs, ACK ${stages.ack.toFixed(0)} µs; a commit (its fsync) ${stages.commit.toFixed(1)} ms`,
  );

  // Ingest, with forecasting off (a debounce longer than the run).
  let handle = await serveLiveTwin(options(3_600_000));
  try {
    await handle.warmed;
    const port = handle.mllpPort;
    const oneSender = all.slice(0, Math.min(1000, Math.floor(n / 10)));
    const alone = await sendFromThread({ port, streams: [oneSender], window: 1 });
    figures['live.ingestPerSecondOneSender'] = alone.accepted / alone.seconds;
    log(`one connection waiting for each ACK, ${alone.accepted} messages: ${figures['live.ingestPerSecondOneSender'].toFixed(0)} a second`);

    // The rest dealt round to the connections, so the streams interleave in event time as a hospital's feeds do.
    const rest = all.slice(oneSender.length);
    const waited = rest.slice(0, Math.floor(rest.length * 0.6));
    const groups0 = handle.twin.journal.groups;
    const elu0 = performance.eventLoopUtilization();
    const many = await sendFromThread({ port, streams: deal(waited, senders), window: 1 });
    const busy = performance.eventLoopUtilization(elu0);
    figures['live.ingestPerSecond'] = many.accepted / many.seconds;
    figures['live.ingestSenders'] = senders;
    figures['live.messagesPerCommit'] = many.accepted / (handle.twin.journal.groups - groups0);
    // The service's thread busy (CPU, and waiting for its fsync), per message; the senders' thread is not counted.
    figures['live.serviceBusyMsPerMessage'] = busy.active / many.accepted;
    log(
      `${senders} connections each waiting for its ACKs, ${many.accepted} messages: ${figures['live.ingestPerSecond'].toFixed(0)} a second (${figures['live.messagesPerCommit'].toFixed(1)} a commit; service thread busy ${figures['live.serviceBusyMsPerMessage'].toFixed(3)} ms each, fsync included)`,
    );

    const piped = rest.slice(waited.length);
    const groups1 = handle.twin.journal.groups;
    const pipe = await sendFromThread({ port, streams: deal(piped, PIPE_CONNECTIONS), window: PIPE_WINDOW });
    figures['live.ingestPerSecondPipelined'] = pipe.accepted / pipe.seconds;
    log(
      `${PIPE_CONNECTIONS} connections, ${PIPE_WINDOW} messages in flight on each, ${pipe.accepted} messages: ${figures['live.ingestPerSecondPipelined'].toFixed(0)} a second (${(pipe.accepted / (handle.twin.journal.groups - groups1)).toFixed(1)} a commit)`,
    );
  } finally {
    await handle.close();
  }

  // A restart on that journal with the default debounce, then a message to its forecast.
  const t0 = performance.now();
  handle = await serveLiveTwin(options(DEBOUNCE_MS));
  figures['live.secondsToRestart'] = (performance.now() - t0) / 1000;
  try {
    await handle.warmed;
    log(`restart on ${handle.twin.live.size} messages: ${figures['live.secondsToRestart'].toFixed(2)} s to listen (the journal read and folded)`);
    const runs: { seconds: number; stateMs: number; forecastMs: number }[] = [];
    for (let k = 0; k < 3; k++) {
      const t1 = performance.now();
      await forecastAfter(handle, () => {
        void feedMessages(messages(1, `F${k}-`, start + n + 1 + k), { host: '127.0.0.1', port: handle.mllpPort, speed: 0, maxWaitMs: 0 });
      });
      runs.push({ seconds: (performance.now() - t1) / 1000, ...handle.loop.timings! });
    }
    const mid = runs.sort((a, b) => a.seconds - b.seconds)[1]!;
    figures['live.secondsToForecast'] = mid.seconds;
    figures['live.forecastReplications'] = replications;
    figures['live.forecastStateMs'] = mid.stateMs;
    figures['live.forecastRunSeconds'] = mid.forecastMs / 1000;
    log(
      `a message to a new 72 h x ${replications} forecast on /events (median of 3): ${mid.seconds.toFixed(2)} s = debounce ${DEBOUNCE_MS} ms + state ${mid.stateMs.toFixed(0)} ms + replications ${(mid.forecastMs / 1000).toFixed(2)} s + the rest (commit, ACK, event)`,
    );
  } finally {
    await handle.close();
  }
  return figures;
}

function deal<T>(items: readonly T[], k: number): T[][] {
  return Array.from({ length: k }, (_, j) => items.filter((_, i) => i % k === j));
}

/** Resolves when /events announces the next forecast after `start`. */
async function forecastAfter(handle: { httpPort: number }, start: () => void): Promise<void> {
  const r = await fetch(`http://127.0.0.1:${handle.httpPort}/events`);
  const reader = r.body!.getReader();
  const decoder = new TextDecoder();
  await reader.read();
  start();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('events stream ended');
    text += decoder.decode(value);
    if (text.includes('event: forecast\n')) break;
  }
  await reader.cancel();
}
