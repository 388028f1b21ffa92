/**
 * The "Cost per case" view on a scenario with case-mix groups
 * (fixtures/case-mix-hospital.yaml: one group is paid less than it costs):
 * a table and bars by class and by group (whole names, a total margin), a loss said in words and in red,
 * margins that add up (payment − cost), no negative bound on a cost, and no
 * serious accessibility violation. Screenshots at 1280×720 and 1920×1080.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../viewer/node/chromium.js';
import { ARTIFACTS, useViewer, type Viewport } from './open-viewer.js';
import { seriousAxeViolations } from './page-checks.js';

const CASE_MIX = fileURLToPath(new URL('./fixtures/case-mix-hospital.yaml', import.meta.url));
const SIZES: Viewport[] = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** "1,234", "+1,234", "-612" -> number (the first number in the text). */
function num(text: string | null): number {
  const m = /[+-]?[\d,]+(\.\d+)?/.exec((text ?? '').replace(/\u2212/g, '-'));
  if (!m) throw new Error(`no number in "${text}"`);
  return Number(m[0].replace(/,/g, ''));
}

describe.skipIf(!chromiumAvailable()).each(SIZES)('cost per case at $width×$height', (size) => {
  let page: Page;
  let pageErrors: string[] = [];
  useViewer((viewer) => ({ page, pageErrors } = viewer), size);

  it('shows cost per case by class and margin by case-mix group, losses in words and red', async () => {
    await page.setInputFiles('[data-testid=scenario-file]', CASE_MIX);
    await page.click('[data-testid=quick-run]');
    await page.waitForSelector('[data-testid=run-status] >> text=/Run \\d+ finished/', { timeout: 120_000 });
    await page.click('[data-testid=tab-cases]');
    expect(await page.getAttribute('[data-testid=tab-cases]', 'aria-selected')).toBe('true');
    await page.waitForSelector('[data-testid=cost-per-case]');

    // One row and one bar per class, with a positive cost and an interval that never goes below 0.
    for (const c of ['ed', 'elective']) {
      const row = page.locator(`[data-testid=class-row-${c}]`);
      expect(num(await row.locator('td .v').textContent())).toBeGreaterThan(0);
      const ci = (await row.locator('td .ci').textContent()) ?? '';
      expect(ci).toMatch(/^[\d,]+ – [\d,]+$/);
      await expect.poll(() => page.locator(`[data-testid=class-bars-${c}]`).count()).toBe(1);
    }

    // Every group, then the total; the fixture pays F62C less than it costs and I03B more.
    for (const g of ['F62C', 'E65B', 'Z64B', 'I03B', 'all']) expect(await page.locator(`[data-testid=casemix-row-${g}]`).count()).toBe(1);
    const cells = (g: string) => page.locator(`[data-testid=casemix-row-${g}] td`);
    const loss = cells('F62C').nth(3);
    expect(await loss.getAttribute('class')).toContain('loss');
    expect(await loss.textContent()).toMatch(/^Loss -[\d,]+/);
    expect(await cells('I03B').nth(3).textContent()).toMatch(/^Gain \+[\d,]+/);
    expect(await page.getAttribute('[data-testid=margin-bars-F62C] .hbar', 'class')).toContain('loss');
    expect(await page.textContent('[data-testid=margin-bars-F62C] .hbar-text')).toMatch(/^loss -/);
    // Margin per case is payment − cost (means over the same replications; each shown rounded to 1).
    for (const g of ['F62C', 'E65B', 'Z64B', 'I03B']) {
      const cost = num(await cells(g).nth(1).locator('.v').textContent());
      const payment = num(await cells(g).nth(2).locator('.v').textContent());
      const margin = num(await cells(g).nth(3).locator('.v').textContent());
      expect(Math.abs(margin - (payment - cost))).toBeLessThanOrEqual(1.5);
    }
    // Groups by code and name, every name whole (none cut to "Direct medic…"), a total margin bar, and no "neither clearly".
    expect(await page.textContent('[data-testid=margin-bars-F62C] .hbar-label')).toBe('F62C · Heart failure without complications');
    expect(await page.locator('[data-testid=margin-bars-all].total').count()).toBe(1);
    const cut = await page
      .locator('.hbar-label')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    expect(await page.textContent('[data-testid=cost-per-case]')).not.toMatch(/neither clearly/i);
    // Costs and shares: no negative bound; a margin's interval may be negative.
    const costCis = await page
      .locator('[data-testid=casemix-table] tr td:nth-child(3) .ci, [data-testid=casemix-table] tr td:nth-child(7) .ci')
      .allTextContents();
    expect(costCis.length).toBeGreaterThan(0);
    for (const t of costCis) expect(t).not.toMatch(/(^|\s)-\d/);

    await page.screenshot({ path: `${ARTIFACTS}/cost-per-case-${size.width}x${size.height}.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
