/**
 * The outpatient clinic built-in in the viewer at 1280x720: it loads, runs, and
 * its floor plan is drawn in the 3D scene, with no page or console errors.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumAvailable } from '../../viewer/node/chromium.js';
import { ARTIFACTS, useViewer } from './open-viewer.js';

const available = chromiumAvailable();
if (!available) console.warn(`[e2e] ${CHROMIUM} is not installed: the clinic browser test is skipped.`);

let page: Page;
let pageErrors: string[] = [];

describe.skipIf(!available)('the outpatient clinic in the viewer', () => {
  useViewer((viewer) => ({ page, pageErrors } = viewer), { width: 1280, height: 720 });

  it('loads outpatient-clinic, runs it and draws its layout without console errors', async () => {
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.selectOption('[data-testid=scenario-select]', 'builtin:outpatient-clinic');
    await page.click('[data-testid=quick-run]');
    await page.waitForSelector('[data-testid=scene-view-0] canvas', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=run-status] >> text=/Run \\d+ finished/', { timeout: 120_000 });
    // Into the first morning session, when patients are in the clinic; the scene's chunk may still be loading.
    await page.click('[data-testid=next-peak]');
    await page.waitForTimeout(8000);
    await page.screenshot({ path: `${ARTIFACTS}/viewer-clinic-1280x720.png` });
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 240_000);
});
