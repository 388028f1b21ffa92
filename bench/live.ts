/**
 * The live twin (serve) on the MIMIC-IV demo's scenario: ADT messages per
 * second acknowledged only after they are stored durably, over MLLP on
 * loopback, from several interface-engine connections at once (each sends one
 * message at a time and waits for its ACK, as Mirth or Rhapsody do; the
 * messages that arrive together share one commit), and from one connection
 * alone (one commit per message: the disk's fsync rate); and the seconds from a
 * message to a new 72 h forecast announced on /events.
 * LIVE_BENCH_MESSAGES, LIVE_BENCH_SENDERS and LIVE_BENCH_REPLICATIONS make it small for a check.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { adtMessage, feedMessages, serveLiveTwin, type FeedMessage } from '../live/index.js';
import { parseFhirMapping, parseScenarioText } from '../scenarios/index.js';
import type { Figures } from './hospital.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

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

export async function benchLive(log: (line: string) => void): Promise<Figures> {
  const n = Number(process.env['LIVE_BENCH_MESSAGES'] ?? 20_000);
  const senders = Number(process.env['LIVE_BENCH_SENDERS'] ?? 32);
  const replications = Number(process.env['LIVE_BENCH_REPLICATIONS'] ?? 200);
  const scenarioFile = root('examples/live/mimic-iv-demo.yaml');
  const scenario = parseScenarioText(readFileSync(scenarioFile, 'utf8'), scenarioFile);
  const mapping = parseFhirMapping(JSON.parse(readFileSync(root('examples/live/mimic-iv-demo-map.json'), 'utf8')));
  const handle = await serveLiveTwin({
    scenario,
    mapping,
    store: join(mkdtempSync(join(tmpdir(), 'bench-live-')), 'twin.sqlite'),
    host: '127.0.0.1',
    httpPort: 0,
    mllpPort: 0,
    allow: [],
    hours: 72,
    replications,
    seed: 1,
    workers: availableParallelism(),
    debounceMs: 3_600_000,
    everyMs: 3_600_000,
    staleMs: 3_600_000,
    log: (line) => line.startsWith('forecast: failed') && log(line),
  });
  try {
    const start = Date.UTC(2150, 0, 1) / 60_000;
    const all = messages(n, 'B', start);
    const oneSender = all.slice(0, Math.min(1000, Math.floor(n / 10)));
    const t0 = performance.now();
    const alone = await feedMessages(oneSender, { host: '127.0.0.1', port: handle.mllpPort, speed: 0, maxWaitMs: 0 });
    const ingestOneSender = alone.accepted / ((performance.now() - t0) / 1000);
    log(`one connection, ${alone.accepted} ADT messages each acknowledged after its own commit: ${ingestOneSender.toFixed(0)} a second`);
    // The rest dealt round to the connections, so the streams interleave in event time as a hospital's feeds do.
    const rest = all.slice(oneSender.length);
    const streams = Array.from({ length: senders }, (_, k) => rest.filter((_, i) => i % senders === k));
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const sent = await Promise.all(streams.map((s) => feedMessages(s, { host: '127.0.0.1', port: handle.mllpPort, speed: 0, maxWaitMs: 0 })));
    const accepted = sent.reduce((a, r) => a + r.accepted, 0);
    const ingestPerSecond = accepted / ((performance.now() - t1) / 1000);
    // Service and senders share this process: its CPU per message bounds the rate on an idle machine, whatever the load now.
    const cpu = process.cpuUsage(cpu0);
    const cpuMsPerMessage = (cpu.user + cpu.system) / 1000 / accepted;
    log(
      `${senders} connections, ${accepted} ADT messages acknowledged after a durable group commit: ${ingestPerSecond.toFixed(0)} a second (${cpuMsPerMessage.toFixed(2)} ms of CPU each, senders included)`,
    );
    // Warm the pool once (a running service's is warm), then time one message to its forecast.
    await forecastAfter(handle, () => handle.loop.start());
    const t2 = performance.now();
    await forecastAfter(handle, () => {
      void feedMessages(messages(1, 'F', start + n + 1), { host: '127.0.0.1', port: handle.mllpPort, speed: 0, maxWaitMs: 0 }).then(() => handle.loop.start());
    });
    const secondsToForecast = (performance.now() - t2) / 1000;
    log(`a message to a new 72 h x ${replications} forecast on /events: ${secondsToForecast.toFixed(2)} s`);
    return {
      'live.ingestPerSecond': ingestPerSecond,
      'live.ingestPerSecondOneSender': ingestOneSender,
      'live.ingestSenders': senders,
      'live.ingestCpuMsPerMessage': cpuMsPerMessage,
      'live.secondsToForecast': secondsToForecast,
      'live.forecastReplications': replications,
    };
  } finally {
    await handle.close();
  }
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
