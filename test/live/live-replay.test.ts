/**
 * The MIMIC-IV demo's transfers replayed through `feed` into `serve` over a
 * real MLLP socket and a real SQLite file: at ten moments the served state is
 * the batch snapshot of the log at that moment, and a forecast from the served
 * state is `forecast --state` of the same state with the same seed.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logAsAdt } from '../../cli/feed-log.js';
import { withoutFloatNoise } from '../../cli/json-output.js';
import { loadStateFile } from '../../cli/state-file.js';
import { feedMessages, type FeedMessage } from '../../live/index.js';
import { runForecastParallel } from '../../workers/node.js';
import { runCli } from '../run-cli.js';
import { batchSnapshot, getJson, LOG_FILE, LOG_MAP_FILE, mimicScenario, nextEvent, SCENARIO_FILE, startTwin, tempStore } from './live-helpers.js';

let twin: Awaited<ReturnType<typeof startTwin>>;
let messages: FeedMessage[];

beforeAll(async () => {
  messages = await logAsAdt(LOG_FILE, LOG_MAP_FILE);
  twin = await startTwin();
});
afterAll(() => twin?.close());

const asOfOf = (m: number) => new Date(Math.floor(m) * 60_000).toISOString().slice(0, 16);

describe('the MIMIC-IV demo replayed into a live twin', () => {
  it('serves, at ten moments of the replay, the state the batch snapshot of the log gives then', async () => {
    expect(messages.length).toBeGreaterThan(900);
    // Ten cut points, each after the last message of its event time (so no message of that moment is held back).
    const cuts: number[] = [];
    for (let k = 1; k <= 10; k++) {
      let i = Math.floor((k * messages.length) / 10.5);
      while (i + 1 < messages.length && messages[i + 1]!.atMinutes === messages[i]!.atMinutes) i++;
      cuts.push(i);
    }
    let sent = 0;
    let withPatients = 0;
    for (const cut of cuts) {
      const r = await feedMessages(messages.slice(sent, cut + 1), { host: '127.0.0.1', port: twin.mllpPort, speed: 0, maxWaitMs: 0 });
      expect(r.accepted).toBe(cut + 1 - sent);
      sent = cut + 1;
      const at = messages[cut]!.atMinutes;
      const served = (await getJson(twin.httpPort, '/state')).body;
      const batch = batchSnapshot(at, asOfOf(at));
      expect(served.asOf).toBe(batch.asOf);
      expect(served.patients).toEqual(batch.patients);
      if (batch.patients.length > 0) withPatients++;
    }
    // The shifted dates leave few patients in at once; the check must still have compared some.
    expect(withPatients).toBeGreaterThanOrEqual(3);
  });

  it('forecasts from the served state exactly as forecast --state does from the same state and seed', async () => {
    // A moment with patients in: the state as of the message that admitted the most recent one still in.
    let at: string | undefined;
    for (const m of [...messages].reverse()) {
      const s = batchSnapshot(m.atMinutes, asOfOf(m.atMinutes));
      if (s.patients.length >= 2) {
        at = asOfOf(m.atMinutes);
        break;
      }
    }
    expect(at).toBeDefined();
    // A second twin fed up to that moment only, then asked to forecast; the result announced on /events.
    const second = await startTwin();
    try {
      const upTo = messages.filter((m) => asOfOf(m.atMinutes) <= at!);
      await feedMessages(upTo, { host: '127.0.0.1', port: second.mllpPort, speed: 0, maxWaitMs: 0 });
      const announced = (await nextEvent(second.httpPort, 'forecast', () => second.loop.start())) as { asOf: string; summary: unknown };
      const served = (await getJson(second.httpPort, '/forecast')).body;
      expect(served.summary).toEqual(announced.summary);
      const state = (await getJson(second.httpPort, '/state')).body;
      expect(state.patients.length).toBeGreaterThanOrEqual(2);
      const file = join(dirname(tempStore()), 'state.json');
      writeFileSync(file, JSON.stringify(state));
      // Bit for bit: the same library call on the state read back from the file...
      const scenario = await mimicScenario();
      const direct = await runForecastParallel(scenario, await loadStateFile(file), { hours: 72, replications: 4, seed: 1, workers: 1 });
      expect(served.summary).toEqual(JSON.parse(JSON.stringify(direct.summary)));
      // ...and the command a user runs, whose JSON writes 12 significant figures.
      const cli = await runCli(['forecast', SCENARIO_FILE, '--state', file, '--json', '-r', '4', '--seed', '1', '--hours', '72', '-w', '1']);
      expect(cli.code, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout).forecast).toEqual(JSON.parse(JSON.stringify(served.summary, withoutFloatNoise)));
    } finally {
      await second.close();
    }
  });
});
