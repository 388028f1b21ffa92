/**
 * Today connected to a live twin: a real `hospital-twin serve` process (the
 * MIMIC-IV demo's scenario, a token, --cors for the viewer's page), fed ADT
 * messages over MLLP. At 1280×720: an address where nothing listens and a wrong
 * token are said in plain words; with the right token Today shows the twin's
 * state and forecast, its warnings, and follows a new message in place.
 * axe-core finds nothing serious.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { adtMessage } from '../../live/index.js';
import { chromiumAvailable } from '../../viewer/node/chromium.js';
import { exchange, MAP_FILE, SCENARIO_FILE, tempStore } from '../live/live-helpers.js';
import { CLI } from '../run-cli.js';
import { ARTIFACTS, useViewer } from './open-viewer.js';
import { seriousAxeViolations } from './page-checks.js';

const TOKEN = 'e2e-live-token-0123456789';

function serve(origin: string): Promise<{ child: ChildProcess; http: number; mllp: number }> {
  const args = [CLI, 'serve', SCENARIO_FILE, '--map', MAP_FILE, '--store', tempStore(), '--port', '0', '--mllp-port', '0'];
  const child = spawn(process.execPath, [...args, '--token', TOKEN, '--cors', origin, '--debounce', '0', '-r', '4', '-w', '1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const ports = JSON.parse(line) as { http: number; mllp: number };
      resolve({ child, ...ports });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening: ${stderr}`)));
  });
}

/** A loopback port nothing listens on (taken, then let go). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const at = (minute: number) => new Date((Date.UTC(2150, 0, 1) / 60_000 + minute) * 60_000).toISOString().slice(0, 16);
const register = (i: number, location = 'Emergency Department') =>
  adtMessage({ controlId: `E${i}`, trigger: 'A04', eventTime: at(i), visit: `EV${i}`, patientClass: 'E', location });

describe.skipIf(!chromiumAvailable())('Today connected to a live twin at 1280×720', () => {
  let page: Page;
  let pageErrors: string[] = [];
  let twin: { child: ChildProcess; http: number; mllp: number } | undefined;
  useViewer((viewer) => ({ page, pageErrors } = viewer), { width: 1280, height: 720 });
  afterAll(() => {
    twin?.child.kill('SIGTERM');
  });

  it('says in words what is wrong, then shows the twin and follows it as messages come', async () => {
    twin = await serve(new URL(page.url()).origin);
    // Two patients in the ED, and one in a unit the mapping does not know (a warning, not an error).
    await exchange(twin.mllp, [register(0), register(1), register(2, 'Nowhere Unit')]);

    await page.click('[data-testid=tab-today]');
    await page.click('[data-testid=live-open]');
    const problem = page.locator('[data-testid=live-problem]');

    await page.fill('[data-testid=live-url]', `http://127.0.0.1:${await closedPort()}`);
    await page.click('[data-testid=live-connect]');
    await expect.poll(() => problem.textContent()).toMatch(/Cannot reach a live twin at http:\/\/127\.0\.0\.1:\d+\. Is "hospital-twin serve" running there/);

    await page.fill('[data-testid=live-url]', `http://127.0.0.1:${twin.http}`);
    await page.fill('[data-testid=live-token]', 'not-the-token-at-all-0000');
    await page.click('[data-testid=live-connect]');
    await expect.poll(() => problem.textContent()).toMatch(/refused the token/);

    await page.fill('[data-testid=live-token]', TOKEN);
    await page.click('[data-testid=live-connect]');
    await page.locator('[data-testid=live-status]').waitFor();
    expect(await problem.count()).toBe(0);
    await expect
      .poll(() => page.locator('[data-testid=today-snapshot]').textContent())
      .toMatch(/Live twin at .*as of 2150-01-01 00:02, 2 patients in the hospital/);
    await expect.poll(() => page.locator('[data-testid=live-warnings]').textContent()).toMatch(/1 visit\(s\) left out of the state/);
    await expect
      .poll(() => page.locator('#today-headline-title').textContent(), { timeout: 60_000 })
      .toMatch(/Forecast from 2150-01-01 00:02, next 72 hours \(4 replications\)/);
    // "as of 07:02, 14 messages since": the forecast's moment and the messages stored after it (none: it holds all three).
    await expect.poll(() => page.locator('[data-testid=live-since]').textContent()).toBe('; forecast as of 00:02, 0 messages since');

    // A new arrival: the page follows without a click, the state first, then its forecast.
    await exchange(twin.mllp, [register(10)]);
    await expect.poll(() => page.locator('[data-testid=today-snapshot]').textContent(), { timeout: 30_000 }).toMatch(/as of 2150-01-01 00:10, 3 patients/);
    await expect.poll(() => page.locator('#today-headline-title').textContent(), { timeout: 60_000 }).toMatch(/Forecast from 2150-01-01 00:10/);
    await expect.poll(() => page.locator('[data-testid=live-since]').textContent(), { timeout: 30_000 }).toBe('; forecast as of 00:10, 0 messages since');

    await page.screenshot({ path: `${ARTIFACTS}/today-live-1280x720.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
