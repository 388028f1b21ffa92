/**
 * The "Today" mode: load the example snapshot of the general hospital
 * (examples/state/general-hospital-monday.json), forecast 72 hours in the
 * viewer's worker, and show census fan charts per ward with the beds line,
 * ED waiting, and the booked cases by risk; a broken snapshot is refused by
 * path. axe-core; screenshots at 1280×720 and 1920×1080.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../viewer/node/chromium.js';
import { ARTIFACTS, useViewer, type Viewport } from './open-viewer.js';
import { seriousAxeViolations } from './page-checks.js';

const SNAPSHOT = fileURLToPath(new URL('../../examples/state/general-hospital-monday.json', import.meta.url));
const SIZES: Viewport[] = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

describe.skipIf(!chromiumAvailable()).each(SIZES)('Today at $width×$height', (size) => {
  let page: Page;
  let pageErrors: string[] = [];
  useViewer((viewer) => ({ page, pageErrors } = viewer), size);

  it('refuses a broken snapshot by path, then forecasts the example one with fan charts and the booked list by risk', async () => {
    await page.click('[data-testid=tab-today]');
    await page.setInputFiles('[data-testid=today-file]', {
      name: 'broken-state.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"asOf": "yesterday", "patients": [{"class": 3}]}'),
    });
    const errors = page.locator('[data-testid=today-errors]');
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/broken-state\.json could not be used.*asOf/);

    await page.setInputFiles('[data-testid=today-file]', SNAPSHOT);
    await page.locator('[data-testid=today-snapshot]').waitFor();
    expect(await page.inputValue('[data-testid=today-scenario]')).toBe('builtin:general-hospital');
    await page.fill('[data-testid=today-replications]', '30');
    await page.press('[data-testid=today-replications]', 'Tab');
    await page.click('[data-testid=today-run]');
    await page.locator('[data-testid=today-booked-table]').waitFor({ timeout: 150_000 });

    const fans = await page.locator('[data-testid^=fan-]:is(figure)').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(fans).toContain('fan-ed-waiting');
    const wards = fans.filter((f) => f !== 'fan-ed-waiting');
    expect(wards.length).toBeGreaterThan(1);
    for (const w of wards) {
      expect(await page.locator(`[data-testid=${w}-band]`).count()).toBe(1);
      expect(await page.locator(`[data-testid=${w}-capacity]`).count()).toBe(1);
      // The band has a point at every hour from 0 to 72, above and below.
      const pts = ((await page.getAttribute(`[data-testid=${w}-band]`, 'points')) ?? '').trim().split(/\s+/);
      expect(pts.length).toBe(2 * 73);
    }
    // Booked cases, riskiest first.
    const risks = await page.locator('[data-testid=today-booked-table] tbody tr').evaluateAll((rows) =>
      rows.map((r) => {
        const cells = r.querySelectorAll('td');
        return Number(cells[2]!.textContent!.replace('%', '')) + Number(cells[4]!.textContent!.replace('%', ''));
      }),
    );
    expect(risks.length).toBeGreaterThan(0);
    for (let i = 1; i < risks.length; i++) expect(risks[i]!).toBeLessThanOrEqual(risks[i - 1]! + 1); // each shown rounded to 1%
    await page.screenshot({ path: `${ARTIFACTS}/today-${size.width}x${size.height}.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
