/**
 * Calibration in the viewer, as a manager uses it in Debian's Chromium: upload
 * the real Sepsis log with its built-in mapping, read the report, run the
 * calibrated scenario; and a log that is mostly bad is refused with its lines.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumAvailable } from '../../viewer/node/chromium.js';
import { ARTIFACTS, useViewer } from './open-viewer.js';

const SEPSIS = fileURLToPath(new URL('../../examples/data/sepsis/sepsis-events.csv.gz', import.meta.url));
const MIMIC = fileURLToPath(new URL('../../examples/data/mimic-iv-demo/hosp/transfers.csv.gz', import.meta.url));
const BROKEN_LOG = fileURLToPath(new URL('./fixtures/broken-log.csv', import.meta.url));
const available = chromiumAvailable();
if (!available) console.warn(`[e2e] ${CHROMIUM} is not installed: the calibration browser tests are skipped.`);

let page: Page;
let pageErrors: string[] = [];

describe.skipIf(!available)('calibration in the viewer', () => {
  useViewer((viewer) => ({ page, pageErrors } = viewer));
  beforeEach(async () => {
    // A test that failed half-way must not hand its calibration or its report to the next one.
    if (await page.locator('[data-testid=calibrate-cancel]').count()) await page.click('[data-testid=calibrate-cancel]');
    if (await page.locator('[data-testid=calibration-report]').count()) await page.click('[data-testid=calibration-report] >> text=Close');
    await page.fill('[data-testid=calibrate-replications]', '3');
  });

  it('refuses a log that is mostly bad, naming its lines, and keeps working', async () => {
    await page.setInputFiles('[data-testid=calibrate-log]', BROKEN_LOG);
    await page.selectOption('[data-testid=calibrate-mapping]', 'sepsis');
    await page.click('[data-testid=calibrate-run]');
    const errors = page.locator('[data-testid=calibrate-errors]');
    await errors.waitFor({ timeout: 60_000 });
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('broken-log.csv could not be calibrated');
    expect(text).toMatch(/line \d/);
    await errors.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/viewer-10-calibration-broken-log.png` });
    await page.click('[data-testid=calibrate-errors] >> text=Dismiss');
    expect(await errors.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('shows a busy bar while calibrating, and Cancel stops the worker at once', async () => {
    await page.setInputFiles('[data-testid=calibrate-log]', SEPSIS);
    await page.selectOption('[data-testid=calibrate-mapping]', 'sepsis');
    // 50 validation replications of the Sepsis log take many seconds: time enough to see the bar and cancel.
    await page.fill('[data-testid=calibrate-replications]', '50');
    await page.click('[data-testid=calibrate-run]');
    const progress = page.locator('[data-testid=calibrate-progress]');
    await progress.waitFor({ timeout: 10_000 });
    expect(await progress.textContent()).toContain('50 replications');
    expect((await progress.locator('progress').boundingBox())?.width ?? 0).toBeGreaterThan(100);
    // The worker starts once the browser has read the log, which under load comes after the bar.
    await expect.poll(() => page.workers().some((w) => w.url().includes('calibrate-worker')), { timeout: 30_000 }).toBe(true);
    // Once fitted, the bar counts the validation replications as the worker finishes them.
    const bar = page.locator('[data-testid=calibrate-progress-bar]');
    await bar.waitFor({ timeout: 60_000 });
    expect(Number(await bar.getAttribute('max'))).toBe(50);
    expect(Number(await bar.getAttribute('value'))).toBeGreaterThanOrEqual(1);
    expect(await progress.textContent()).toMatch(/Validating: \d+ of 50 replications run/);
    await progress.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/viewer-09a-calibrating.png` });
    await page.click('[data-testid=calibrate-cancel]');
    await page.waitForSelector('text=Calibration cancelled.', { timeout: 5_000 });
    await expect.poll(() => page.workers().some((w) => w.url().includes('calibrate-worker')), { timeout: 5_000 }).toBe(false);
    await page.fill('[data-testid=calibrate-replications]', '3');
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('calibrates the real Sepsis log, shows the report, and runs the calibrated scenario', async () => {
    await page.setInputFiles('[data-testid=calibrate-log]', SEPSIS);
    await page.selectOption('[data-testid=calibrate-mapping]', 'sepsis');
    await page.click('[data-testid=calibrate-run]');
    await page.waitForSelector('[data-testid=calibrate-progress]', { timeout: 10_000 });
    const report = page.frameLocator('[data-testid=calibration-report-frame]');
    await page.waitForSelector('[data-testid=calibration-report]', { timeout: 240_000 });
    await expect
      .poll(async () => (await report.locator('body').textContent()) ?? '', { timeout: 10_000 })
      .toContain('Validation: the calibrated scenario against the log');
    const body = (await report.locator('body').textContent()) ?? '';
    expect(body).toContain('ER Triage');
    expect(body).toContain('What this log cannot tell');
    await page.screenshot({ path: `${ARTIFACTS}/viewer-09-calibration-report.png` });

    // The report's own link to its validation table scrolls the report, and does not load the viewer into the frame.
    await report.locator('a[href="#validation"]').click();
    const headingInView = (h: Element): boolean => {
      // An anchor scroll leaves the heading at the top, give or take a fraction of a pixel.
      const top = h.getBoundingClientRect().top;
      return window.scrollY > 0 && top > -2 && top < window.innerHeight / 2;
    };
    await expect.poll(() => report.locator('#validation').evaluate(headingInView, undefined, { timeout: 5_000 }), { timeout: 10_000 }).toBe(true);
    expect((await report.locator('body').textContent()) ?? '').toContain('What this log cannot tell');
    await page.screenshot({ path: `${ARTIFACTS}/viewer-09b-calibration-validation.png` });
    await page.click('[data-testid=calibration-report] >> text=Close');

    // The calibrated scenario is in the picker, selected, and runs like any other.
    const selected = await page.inputValue('[data-testid=scenario-select]');
    expect(selected).toBe('calibrated:sepsis-events.csv.gz');
    expect(await page.textContent('[data-testid=calibrate-result]')).toMatch(/[\d,]+ cases/);
    await page.click('[data-testid=quick-run]');
    await page.waitForSelector('[data-testid=run-status] >> text=/Run \\d+ finished/', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=scene-view-0] canvas');
    await page.waitForTimeout(2000); // the scene's first frames
    await page.screenshot({ path: `${ARTIFACTS}/viewer-11-calibrated-run.png` });
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('calibrates the gzipped MIMIC-IV transfers table, and the report says what its shifted dates cannot give', async () => {
    await page.setInputFiles('[data-testid=calibrate-log]', MIMIC);
    await page.selectOption('[data-testid=calibrate-mapping]', 'mimic-iv-transfers');
    await page.click('[data-testid=calibrate-run]');
    await page.waitForSelector('[data-testid=calibration-report]', { timeout: 240_000 });
    const report = page.frameLocator('[data-testid=calibration-report-frame]');
    await expect.poll(async () => (await report.locator('body').textContent()) ?? '', { timeout: 10_000 }).toContain('Not compared: arrivals');
    const body = (await report.locator('body').textContent()) ?? '';
    expect(body).toContain('Emergency Department');
    expect(body).toContain('shifted case by case');
    await page.screenshot({ path: `${ARTIFACTS}/viewer-12-calibration-mimic.png` });
    await page.click('[data-testid=calibration-report] >> text=Close');
    expect(await page.inputValue('[data-testid=scenario-select]')).toBe('calibrated:transfers.csv.gz');
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
