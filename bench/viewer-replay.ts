/**
 * The replay as a manager sees it, in headless Chromium (WebGL in software,
 * SwiftShader): frames per second at 1 day/s and 1 week/s over a few seconds
 * (requestAnimationFrame counted in the page), the browser's CPU per frame
 * (all its processes, from /proc: on a loaded machine frames per second fall
 * with the load, CPU per frame much less), and how long coming back to "Run
 * and replay" from Compare and from Today takes until the run's scene has
 * drawn again. Skipped without /usr/bin/chromium.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { buildViewer, viewerDist } from '../viewer/node/build-viewer.js';
import { chromiumAvailable, launchChromium } from '../viewer/node/chromium.js';
import { serveStatic } from '../viewer/node/static-server.js';
import type { ViewerFigures } from './viewer.js';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** CPU time (ms) used so far by every process below `root` (the browser this process launched). */
function descendantsCpuMs(root: number): number {
  const children = new Map<number, { pid: number; ticks: number }[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parent = Number(f[1]);
    const list = children.get(parent) ?? [];
    list.push({ pid: Number(name), ticks: Number(f[11]) + Number(f[12]) });
    children.set(parent, list);
  }
  let ticks = 0;
  const stack = [root];
  while (stack.length > 0)
    for (const c of children.get(stack.pop()!) ?? []) {
      ticks += c.ticks;
      stack.push(c.pid);
    }
  return (ticks * 1000) / USER_HZ;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Plays from the start at `speed` for `ms` of real time: frames per second, median frame (ms), browser CPU per frame (ms). */
async function play(page: Page, speed: string, ms: number): Promise<{ fps: number; frameMs: number; cpuMsPerFrame: number }> {
  await page.selectOption('[data-testid=speed]', { label: speed });
  await page.focus('[data-testid=scrubber]');
  await page.keyboard.press('Home');
  await page.click('[data-testid=play]');
  await page.waitForTimeout(800); // past the switch to the lower resolution
  const cpu0 = descendantsCpuMs(process.pid);
  // A string, so it runs with the page's requestAnimationFrame and clock.
  const r = (await page.evaluate(`new Promise((resolve) => {
    const gaps = []; let last = performance.now(); const t0 = last;
    const f = (now) => { gaps.push(now - last); last = now; if (now - t0 < ${ms}) requestAnimationFrame(f); else resolve({ frames: gaps.length, seconds: (now - t0) / 1000, gaps }); };
    requestAnimationFrame(f);
  })`)) as { frames: number; seconds: number; gaps: number[] };
  const cpu = descendantsCpuMs(process.pid) - cpu0;
  await page.click('[data-testid=play]');
  return { fps: r.frames / r.seconds, frameMs: median(r.gaps.slice(1)), cpuMsPerFrame: cpu / r.frames };
}

/** Clicks a tab; for the run, waits until its scene has drawn (WebGL draw calls counted) and the frame after: ms from the click. */
async function switchTo(page: Page, tab: string): Promise<number> {
  return (await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    const d0 = window.__draws;
    document.querySelector('[data-testid=tab-${tab}]').click();
    const check = () => {
      if ('${tab}' !== 'run' || window.__draws > d0 || performance.now() - t0 > 20000) requestAnimationFrame(() => resolve(performance.now() - t0));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`)) as number;
}

const COUNT_DRAWS = `(() => {
  window.__draws = 0;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype])
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
      const original = proto[name];
      proto[name] = function (...a) { window.__draws++; return original.apply(this, a); };
    }
})()`;

/** `dist`: a viewer already built there (an earlier commit's, to compare), else this one is built. */
export async function benchReplayInBrowser(width = 1280, height = 720, seconds = 4, dist?: string): Promise<ViewerFigures> {
  if (!chromiumAvailable() || !existsSync('/proc/self/stat')) return { 'viewer.replay.skipped': 'needs /usr/bin/chromium and /proc' };
  if (!dist) await buildViewer();
  const server = await serveStatic(dist ?? viewerDist());
  const browser = await launchChromium();
  const out: ViewerFigures = { 'viewer.replay.viewport': `${width}x${height}` };
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=app-ready]');
    await page.click('[data-testid=quick-run]');
    await page.waitForSelector('[data-testid=run-status] >> text=/Run \\d+ finished/', { timeout: 300_000 });
    await page.waitForSelector('[data-testid=scene-view-0] canvas');
    await page.waitForTimeout(2000);
    for (const [speed, key] of [
      ['1 day/s', 'day'],
      ['1 week/s', 'week'],
    ] as const) {
      const r = await play(page, speed, seconds * 1000);
      out[`viewer.replay.${key}PerSecond.fps`] = r.fps;
      out[`viewer.replay.${key}PerSecond.frameMs.median`] = r.frameMs;
      out[`viewer.replay.${key}PerSecond.cpuMsPerFrame`] = r.cpuMsPerFrame;
    }
    await page.evaluate(COUNT_DRAWS);
    for (const away of ['compare', 'today']) {
      const back: number[] = [];
      for (let k = 0; k < 3; k++) {
        await switchTo(page, away);
        await page.waitForTimeout(1000);
        back.push(await switchTo(page, 'run'));
        await page.waitForTimeout(1000);
      }
      out[`viewer.switch.${away}ToRun.ms.median`] = median(back);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
