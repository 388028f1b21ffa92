/**
 * The outpatient clinic built-ins in the viewer at 1280x720: each loads, runs,
 * and its floor plan is drawn in the 3D scene (the canvas draws, and the plan
 * names the clinic's desks and test rooms), with no page or console errors and
 * no serious or critical accessibility violation (axe-core).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumAvailable } from '../../viewer/node/chromium.js';
import { ARTIFACTS, useViewer } from './open-viewer.js';
import { countDrawCalls, drawCalls, seriousAxeViolations } from './page-checks.js';

const available = chromiumAvailable();
if (!available) console.warn(`[e2e] ${CHROMIUM} is not installed: the clinic browser test is skipped.`);

let page: Page;
let pageErrors: string[] = [];

/** The clinic's own places, as the plan names them (scenarios/builtin/outpatient-clinic.ts). */
const CLINIC_PLACES = ['registration', 'lab', 'ultrasound', 'pharmacy', 'payment'];

describe.skipIf(!available)('the outpatient clinic in the viewer', () => {
  useViewer((viewer) => ({ page, pageErrors } = viewer), { width: 1280, height: 720 });

  for (const name of ['outpatient-clinic', 'outpatient-clinic-booked']) {
    it(`loads ${name}, runs it and draws its layout without console errors`, async () => {
      const consoleErrors: string[] = [];
      const onConsole = (m: { type(): string; text(): string }): void => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      };
      page.on('console', onConsole);
      await countDrawCalls(page);
      await page.selectOption('[data-testid=scenario-select]', `builtin:${name}`);
      await page.click('[data-testid=quick-run]');
      await page.waitForSelector('[data-testid=scene-view-0] canvas', { timeout: 120_000 });
      await page.waitForSelector('[data-testid=run-status] >> text=/Run \\d+ finished/', { timeout: 120_000 });
      // Into the first morning session, when patients are in the clinic; the scene's chunk may still be loading.
      await page.click('[data-testid=next-peak]');
      await page.waitForTimeout(8000);
      await page.screenshot({ path: `${ARTIFACTS}/viewer-${name}-1280x720.png` });
      // The scene draws, and its plan names the clinic's places (the layout is the clinic's, not a hospital's).
      expect(await drawCalls(page)).toBeGreaterThan(0);
      const keys = await page
        .locator('[data-testid=scene-view-0] [data-testid=plan-labels] [data-key]')
        .evaluateAll((es) => es.map((e) => e.getAttribute('data-key')));
      expect(
        CLINIC_PLACES.filter((p) => !keys.includes(`block-${p}`)),
        `plan labels: ${keys.join(', ')}`,
      ).toEqual([]);
      page.off('console', onConsole);
      expect(pageErrors).toEqual([]);
      expect(consoleErrors).toEqual([]);
    }, 240_000);

    it(`has no serious or critical accessibility violation (axe-core) with ${name} run`, async () => {
      expect(await seriousAxeViolations(page)).toEqual([]);
    }, 60_000);
  }
});
