/**
 * The viewer as a manager uses it, in Debian's Chromium: open the app, run the
 * built-in hospital, watch the clock advance and patients move, load a broken
 * file, compare two scenarios by cost, edit and export. Screenshots are kept
 * in test-artifacts/ for a person to look at.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenarios/index.js';
import { CHROMIUM, chromiumAvailable } from '../../viewer/node/chromium.js';
import { ARTIFACTS, ROOT, useViewer } from './open-viewer.js';

const BROKEN = fileURLToPath(new URL('./fixtures/broken-scenario.yaml', import.meta.url));
const DEMO = fileURLToPath(new URL('./fixtures/demo-hospital.yaml', import.meta.url));
const available = chromiumAvailable();
if (!available) console.warn(`[e2e] ${CHROMIUM} is not installed: the browser tests are skipped (.ci/run installs Debian's chromium).`);

let page: Page;
let pageErrors: string[] = [];

async function shot(name: string, selector?: string): Promise<Buffer> {
  const path = `${ARTIFACTS}/viewer-${name}.png`;
  return selector ? page.locator(selector).screenshot({ path }) : page.screenshot({ path });
}

/** Text as a person reads it (figure ids carry invisible line-break hints after their dots). */
async function text(selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').replaceAll('\u200b', '');
}

async function clock(): Promise<string> {
  return (await page.textContent('[data-testid=clock]')) ?? '';
}

describe.skipIf(!available)('the viewer in Chromium', () => {
  useViewer((viewer) => ({ page, pageErrors } = viewer));

  it('runs the built-in hospital with a progress bar; the clock advances and the patients move', async () => {
    const options = await page.locator('[data-testid=scenario-select] option').allTextContents();
    expect(options.length).toBeGreaterThan(0);
    await page.click('[data-testid=quick-run]');
    await page.waitForSelector('[data-testid=progress]', { timeout: 10_000 });
    await shot('01-running');
    await page.waitForSelector('[data-testid=scene-view-0] canvas', { timeout: 120_000 });
    expect(await page.textContent('[data-testid=run-status]')).toMatch(/Run \d+ finished/);
    // Paused, the scene holds still: two screenshots 600 ms apart are the same picture.
    // On a loaded machine the first frames (labels, the lazy scene chunk) may still be
    // arriving, so it is given up to 20 s to settle; a scene that keeps moving fails.
    const pausedClock = await clock();
    let settled = false;
    let previous = await shot('02-paused-a', '[data-testid=scene-view-0] canvas');
    for (let tries = 0; tries < 33 && !settled; tries++) {
      await page.waitForTimeout(600);
      const next = await shot('02-paused-b', '[data-testid=scene-view-0] canvas');
      settled = Buffer.compare(previous, next) === 0;
      previous = next;
    }
    expect(settled).toBe(true);
    expect(await clock()).toBe(pausedClock);

    await page.click('[data-testid=next-peak]');
    await page.selectOption('[data-testid=speed]', { label: '10 min/s' });
    const before = await clock();
    await page.click('[data-testid=play]');
    await page.waitForTimeout(1500);
    const moving1 = await shot('03-playing-a', '[data-testid=scene-view-0] canvas');
    await page.waitForTimeout(1500);
    const moving2 = await shot('03-playing-b', '[data-testid=scene-view-0] canvas');
    const after = await clock();
    await shot('04-replay');
    expect(after).not.toBe(before);
    expect(Buffer.compare(moving1, moving2)).not.toBe(0);
    await page.click('[data-testid=play]');
    await page.fill('[data-testid=figure-search]', 'cost.total');
    expect(await page.locator('[data-testid=figures] [data-testid="figure-cost.total"]').count()).toBe(1);
    await page.fill('[data-testid=figure-search]', '');
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('clicking a bed, room or patient in the scene shows its story and figures', async () => {
    const canvas = page.locator('[data-testid=scene-view-0] canvas');
    const box = (await canvas.boundingBox())!;
    const card = page.locator('[data-testid=selection]');
    // Scan the middle of the scene, where the wards' beds are, until a click lands on something.
    search: for (let row = 0; row < 12; row++) {
      for (let col = 0; col < 16; col++) {
        await canvas.click({ position: { x: box.width * (0.25 + col * 0.035), y: box.height * (0.35 + row * 0.03) } });
        if ((await card.count()) > 0) break search;
      }
    }
    expect(await card.count()).toBe(1);
    const heading = (await card.locator('h3').textContent()) ?? '';
    expect(heading.length).toBeGreaterThan(0);
    // A story: at least one timed line, each a link that moves the clock there.
    expect(await card.locator('ol.story li').count()).toBeGreaterThan(0);
    await shot('04c-selection');
    await card.locator('button.close').click();
    expect(await card.count()).toBe(0);
  }, 120_000);

  it('shows the errors of a broken scenario file, as the CLI words them, and keeps working', async () => {
    const selectedBefore = await page.inputValue('[data-testid=scenario-select]');
    await page.setInputFiles('[data-testid=scenario-file]', BROKEN);
    const errors = page.locator('[data-testid=load-errors]');
    await errors.waitFor();
    const text = await errors.textContent();
    expect(text).toContain('broken-scenario.yaml is not a valid scenario');
    expect(text).toContain('wards[0].beds');
    expect(text).toContain('must be a positive integer, got -4');
    await shot('05-broken-file');
    expect(await page.inputValue('[data-testid=scenario-select]')).toBe(selectedBefore);
    expect(await page.locator('[data-testid=scene-view-0] canvas').count()).toBe(1);
    const t0 = await clock();
    await page.click('[data-testid=play]');
    await page.waitForTimeout(800);
    await page.click('[data-testid=play]');
    expect(await clock()).not.toBe(t0);
  }, 60_000);

  it('compares two scenarios side by side and reads a cost difference with its paired CI', async () => {
    await page.click('[data-testid=tab-compare]');
    const keys = await page.locator('[data-testid=compare-a] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const builtins = keys.filter((k) => k.startsWith('builtin:'));
    await page.selectOption('[data-testid=compare-a]', builtins[0]!);
    await page.selectOption('[data-testid=compare-b]', builtins[1] ?? builtins[0]!);
    await page.click('[data-testid=compare-run]');
    const total = page.locator('[data-testid="diff-cost.total"]');
    await total.waitFor({ timeout: 150_000 });
    const row = await text('[data-testid="diff-cost.total"]');
    // "Total cost  1,234,567  1,250,000  +15,433 [+9,000 – +21,000] *" (the id is in the row's tooltip)
    expect(row).toMatch(/^Total cost.*[+-]?[\d,]+.*\[.*–.*\]/);
    expect(await page.locator('[data-testid=cost-bars] .bar').count()).toBe(12);
    // Each side's 3D scene loads after the figures (its own WebGL context).
    await page.locator('[data-testid=scene-view-1] canvas').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=scene-view-0] canvas').count()).toBe(1);
    expect(await page.locator('[data-testid=scene-view-1] canvas').count()).toBe(1);
    await page.click('[data-testid=next-peak]');
    await page.waitForTimeout(1000);
    await shot('06-compare');
  }, 180_000);

  it('edits beds, runs the edit against the previous run, and exports a file the CLI runs', async () => {
    await page.click('[data-testid=tab-run]');
    await page.click('[data-testid=edit-start]');
    let beds = page.locator('[data-testid^=edit-beds-]').first();
    if ((await beds.count()) === 0) {
      // The default scenario has no wards (only the textbook queues are built in): edit a hospital loaded from a file.
      await page.click('text=Close');
      await page.setInputFiles('[data-testid=scenario-file]', DEMO);
      await page.click('[data-testid=quick-run]');
      await page.waitForSelector('[data-testid=run-status] >> text=/Run \\d+ finished/', { timeout: 120_000 });
      await page.click('[data-testid=edit-start]');
      beds = page.locator('[data-testid^=edit-beds-]').first();
    }
    const ward = ((await beds.getAttribute('data-testid')) ?? '').replace('edit-beds-', '');
    const old = Number(await beds.inputValue());
    await beds.fill(String(old + 5));
    await beds.press('Enter');
    await page.locator('[data-testid=edit-changes]').waitFor();
    expect(await page.textContent('[data-testid=edit-changes]')).toContain(`${ward} beds: ${old} → ${old + 5}`);
    await shot('07-edit');

    await page.click('[data-testid=edit-run-compare]');
    await page.locator(`[data-testid="diff-cost.beds"]`).waitFor({ timeout: 150_000 });
    expect(await text('[data-testid="diff-cost.beds"]')).toMatch(/^Cost, By type: beds/);
    await shot('08-edit-compared');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=edit-export]')]);
    const file = `${ARTIFACTS}/viewer-exported.yaml`;
    await download.saveAs(file);
    const exported = parseScenarioText(await readFile(file, 'utf8'), 'viewer-exported.yaml', 'yaml');
    expect(exported.wards.find((w) => w.id === ward)?.beds).toBe(old + 5);
    // The CLI itself runs it (one replication).
    const { stdout } = await promisify(execFile)(process.execPath, [`${ROOT}dist/cli/main.js`, 'run', file, '--replications', '1', '--json'], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(JSON.parse(stdout).figures['cost.total'].mean).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('raises a class\u2019s arrivals by a fifth with a winter wave, and the comparison shows the extra patients', async () => {
    // The edit panel is still open on the hospital edited above: start again from that scenario as it was.
    await page.click('[data-testid=edit-panel] >> text=Reset');
    const rate = page.locator('[data-testid^=edit-arrivals-]').first();
    const cls = ((await rate.getAttribute('data-testid')) ?? '').replace('edit-arrivals-', '');
    const old = Number(await rate.inputValue());
    const raised = Math.round(old * 1.2 * 100) / 100;
    await rate.fill(String(raised));
    await rate.press('Enter');
    await page.click(`[data-testid=edit-add-surge-${cls}]`);
    const extra = page.locator(`[data-testid=edit-surge-extra-${cls}-0]`);
    await extra.fill('50');
    await extra.press('Enter');
    const dayCv = page.locator(`[data-testid=edit-day-cv-${cls}]`);
    await dayCv.fill('0.2');
    await dayCv.press('Enter');
    const changes = (await page.textContent('[data-testid=edit-changes]')) ?? '';
    expect(changes).toContain(`${cls} day-to-day variation: none → cv 0.2`);
    expect(changes).toContain(`${cls} arrivals: ${old} → ${raised} a day`);
    expect(changes).toContain(`${cls}: yearly wave added`);
    expect(changes).toContain(`${cls} wave 1: peak 01-15, 12 weeks, +20% at the peak → peak 01-15, 12 weeks, +50% at the peak`);
    expect(await page.locator('[data-testid=edit-errors]').count()).toBe(0);
    // A day that does not exist is a problem of the edit, named by its path, until it is put right.
    const peak = page.locator(`[data-testid=edit-surge-peak-${cls}-0]`);
    await peak.fill('02-30');
    await peak.press('Enter');
    expect(await page.textContent('[data-testid=edit-errors]')).toMatch(/surges\[0\]\.peak.*is not a day of the year/);
    await peak.fill('02-01');
    await peak.press('Enter');
    await expect.poll(() => page.locator('[data-testid=edit-errors]').count()).toBe(0);
    await page.locator(`[data-testid=edit-surge-${cls}-0]`).scrollIntoViewIfNeeded();
    await shot('07b-edit-arrivals');

    await page.click('[data-testid=edit-run-compare]');
    // The beds comparison above is on screen until this one finishes: read the row until it shows the new one.
    const arrivalsDifference = async (): Promise<string> => {
      const filter = page.locator('[data-testid=differences] input[type=search]');
      if ((await filter.count()) === 0) return '';
      if ((await filter.inputValue()) !== `arrivals.${cls}`) await filter.fill(`arrivals.${cls}`);
      const cell = page.locator(`[data-testid="diff-arrivals.${cls}"] .diff`);
      return (await cell.count()) > 0 ? ((await cell.textContent()) ?? '') : '';
    };
    // More arrivals, and significantly so (the 95% CI of the paired difference excludes 0).
    await expect.poll(arrivalsDifference, { timeout: 150_000, interval: 1_000 }).toMatch(/^\+[\d,.]+ \*/);
    await shot('08b-edit-arrivals-compared');
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('cancels a long run from its progress bar, and a run stays on screen to watch', async () => {
    await page.click('[data-testid=tab-run]');
    const shownBefore = await page.textContent('.scene-title');
    await page.click('[data-testid=run]');
    await page.waitForSelector('[data-testid=cancel]');
    await shot('04b-cancelling');
    await page.click('[data-testid=cancel]');
    await page.waitForSelector('[data-testid=run-status].cancelled', { timeout: 60_000 });
    expect(await page.textContent('[data-testid=run-status]')).toMatch(/cancel/i);
    // The page still shows a run: the earlier one, or what finished of the cancelled one.
    expect(await page.locator('[data-testid=scene-view-0] canvas').count()).toBe(1);
    expect(shownBefore).toMatch(/^Run \d+/);
  }, 90_000);
});
