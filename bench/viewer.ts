/**
 * The viewer's speed: the time a frame spends placing 10,000 patients (the
 * replay's hot path plus writing the instance matrices; target under 4 ms),
 * how long the built page takes to load in headless Chromium, and the replay's
 * frames and route switches there (viewer-replay.ts); the browser parts are
 * skipped when /usr/bin/chromium is absent.
 */
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../scenarios/index.js';
import { buildLayout } from '../viewer/src/layout/hospital-layout.js';
import { createEntityFrame, fillEntityFrame, prepareReplay, writeInstanceMatrices } from '../viewer/src/replay/index.js';
import { SYNTHETIC_SCENARIO, syntheticTrace } from '../viewer/src/replay/synthetic-trace.js';
import { buildViewer, viewerDist } from '../viewer/node/build-viewer.js';
import { chromiumAvailable, launchChromium } from '../viewer/node/chromium.js';
import { serveStatic } from '../viewer/node/static-server.js';
import { benchReplayInBrowser } from './viewer-replay.js';

export type ViewerFigures = Record<string, number | string | null>;

const ENTITIES = 10_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Per frame: every entity's position at time t, then its instance matrix, for 10,000 entities on screen. */
export function benchEntityUpdate(frames = 600): ViewerFigures {
  const trace = syntheticTrace(ENTITIES);
  const t0 = performance.now();
  const replay = prepareReplay(trace, buildLayout(parseScenario(SYNTHETIC_SCENARIO, 'synthetic')), { endTime: 2880 });
  const prepareMs = performance.now() - t0;
  const frame = createEntityFrame(replay.maxAlive);
  const matrices = new Float32Array(replay.maxAlive * 16);
  const step = (t: number): number => {
    const n = fillEntityFrame(replay, t, frame);
    writeInstanceMatrices(frame, matrices);
    return n;
  };
  for (let i = 0; i < 120; i++) step(300 + i); // warm the JIT
  // Playing at an hour a second and 60 frames a second: one simulated minute per frame.
  const play: number[] = [];
  let onScreen = 0;
  for (let i = 0; i < frames; i++) {
    const s = performance.now();
    onScreen = step(1000 + i);
    play.push(performance.now() - s);
  }
  // Scrubbing: each frame somewhere else in the run.
  const scrub: number[] = [];
  for (let i = 0; i < frames; i++) {
    const s = performance.now();
    step(100 + ((i * 7919) % 2600));
    scrub.push(performance.now() - s);
  }
  play.sort((a, b) => a - b);
  scrub.sort((a, b) => a - b);
  return {
    'viewer.entities': onScreen,
    'viewer.traceRows': trace.length,
    'viewer.prepareReplay.ms': prepareMs,
    'viewer.updateFrame.ms.median': percentile(play, 0.5),
    'viewer.updateFrame.ms.p95': percentile(play, 0.95),
    'viewer.updateFrame.ms.mean': play.reduce((a, b) => a + b, 0) / play.length,
    'viewer.scrubFrame.ms.median': percentile(scrub, 0.5),
    'viewer.updateFrame.targetMs': 4,
  };
}

/** Time from navigation to the app ready to use (its first render), median of `runs` fresh page loads. */
export async function benchPageLoad(runs = 5): Promise<ViewerFigures> {
  if (!chromiumAvailable()) return { 'viewer.pageLoad.skipped': '/usr/bin/chromium is not installed' };
  await buildViewer();
  const server = await serveStatic(viewerDist());
  const browser = await launchChromium();
  const ready: number[] = [];
  const loadEvent: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url, { waitUntil: 'load' });
      await page.waitForSelector('[data-testid=app-ready]');
      // Runs in the page (a string, so the page's own performance API is used, not Node's).
      const timing = (await page.evaluate(`(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const mark = performance.getEntriesByName('hospital-twin:ready')[0];
        return { ready: mark ? mark.startTime : performance.now(), load: nav ? nav.loadEventEnd : NaN };
      })()`)) as { ready: number; load: number };
      ready.push(timing.ready);
      loadEvent.push(timing.load);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  ready.sort((a, b) => a - b);
  loadEvent.sort((a, b) => a - b);
  return {
    'viewer.pageLoad.readyMs.median': percentile(ready, 0.5),
    'viewer.pageLoad.loadEventMs.median': percentile(loadEvent, 0.5),
    'viewer.pageLoad.runs': runs,
  };
}

/** All three, as one flat record of figures for bench/run.ts. */
export async function benchViewer(): Promise<ViewerFigures> {
  return { ...benchEntityUpdate(), ...(await benchPageLoad()), ...(await benchReplayInBrowser()) };
}
