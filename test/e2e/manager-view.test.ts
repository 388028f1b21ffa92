/**
 * The viewer as an operations manager uses it on a laptop (1280×720) and on a
 * large screen (1920×1080): a timeline wide enough to aim at a day, stepping
 * by hours and days from the keyboard; headline figures found by their plain
 * names; a comparison that leads with its verdict; no impossible negative
 * bounds; no serious accessibility violations; and a paused replay that draws
 * nothing. Issue 30's loose ends: tiles with unit and period, one bed
 * occupancy on tile and chart with the warm-up marked, labels that never
 * overprint, the last day "day N of N", the figures table in view and found
 * by words, edits put back leaving no change, and the run's scene kept when
 * another view is shown; words on the 3D plan that never overlap, beds
 * occupied per ward, and a fast replay drawn at a lower resolution.
 * Screenshots at both sizes are kept in test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../viewer/node/chromium.js';
import { ARTIFACTS, useViewer, type Viewport } from './open-viewer.js';
import { countDrawCalls, drawCalls, negativeBoundsShown, overlapping, seriousAxeViolations } from './page-checks.js';

const SIZES: Viewport[] = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

describe.skipIf(!chromiumAvailable()).each(SIZES)('the viewer at $width×$height', (size) => {
  let page: Page;
  let pageErrors: string[] = [];
  useViewer((viewer) => ({ page, pageErrors } = viewer), size);
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: `${ARTIFACTS}/manager-${size.width}x${size.height}-${name}.png` });
  const valueText = async (): Promise<string> => (await page.getAttribute('[data-testid=scrubber]', 'aria-valuetext')) ?? '';

  it('runs the default hospital; the timeline spans at least half the window and steps by hours and days, announcing the date', async () => {
    await page.click('[data-testid=quick-run]');
    await page.waitForSelector('[data-testid=scene-view-0] canvas', { timeout: 120_000 });
    await page.waitForSelector('[data-testid=kpis]');
    const box = (await page.locator('[data-testid=scrubber]').boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(size.width / 2);
    // Day and week marks under it, with readable dates.
    expect(await page.locator('.ticks .tick-label').count()).toBeGreaterThan(1);

    await page.focus('[data-testid=scrubber]');
    const t0 = await valueText();
    expect(t0).toMatch(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d, day \d+ of \d+$/);
    const hourOf = (t: string): number => Number(/, (\d\d):/.exec(t)![1]);
    const dayOf = (t: string): number => Number(/day (\d+) of/.exec(t)![1]);
    await page.keyboard.press('ArrowRight');
    const t1 = await valueText();
    expect((hourOf(t1) - hourOf(t0) + 24) % 24).toBe(1);
    await page.keyboard.press('PageUp');
    const t2 = await valueText();
    expect(dayOf(t2)).toBe(dayOf(t1) + 1);
    expect(hourOf(t2)).toBe(hourOf(t1));
    await page.keyboard.press('Shift+ArrowLeft');
    expect(dayOf(await valueText())).toBe(dayOf(t1));
    await shot('1-run');
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('has no serious or critical accessibility violation (axe-core) on the run view', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 60_000);

  it('finds a KPI by its plain name, shows headline tiles, and no non-negative figure has a negative bound', async () => {
    const tiles = await page.locator('[data-testid=kpis] .kpi-label').allTextContents();
    const headline = ['4-hour performance', 'Waiting in the ED', 'Bed occupancy', 'Elective cancellations', 'Overtime', 'Cost per patient', 'Total cost'];
    // Names the tiles lack, so a failure says which.
    expect(
      headline.filter((name) => !tiles.some((t) => t.startsWith(name))),
      `tiles shown: ${tiles.join(' | ')}`,
    ).toEqual([]);
    // The scenario sets a 4-hour target: its tile says met or missed.
    expect(await page.textContent('[data-testid="kpi-ed.within4h"] .kpi-target')).toMatch(/target (met|missed): 95%/);
    const search = page.locator('[data-testid=figure-search]');
    for (const [words, id] of [
      ['4-hour', 'ed.within4h'],
      ['bed occupancy', 'occupancy.medicalWard'],
      ['cost per patient', 'cost.perPatient'],
    ] as const) {
      await search.fill(words);
      await expect.poll(() => page.locator(`[data-testid="figure-${id}"]`).count()).toBe(1);
    }
    await search.fill('');
    await page.click('[data-testid=figures-show-all]');
    expect(await page.locator('[data-testid^="figure-"] td.ci').count()).toBeGreaterThan(400);
    expect(await negativeBoundsShown(page)).toEqual([]);
  }, 60_000);

  it("names the plan with no two words overlapping, says each ward's beds occupied, keeps waiting counts readable, and plays fast at a lower resolution", async () => {
    const scene = '[data-testid=scene-view-0]';
    const shown = `${scene} .plan-label:not([hidden])`;
    // Nor over the scene's title and buttons.
    expect(await overlapping(page, `${scene} .scene-title, .scene-tools button, ${shown}`)).toEqual([]);
    // Every department is named, inside the scene.
    const zones = page.locator(`${scene} .plan-label.zone`);
    expect(await zones.count()).toBeGreaterThan(3);
    expect(await page.locator(`${shown}.zone`).count()).toBe(await zones.count());
    const canvas = (await page.locator(`${scene} canvas`).boundingBox())!;
    const outside = await page.locator(shown).evaluateAll(
      (els, c) =>
        els
          .filter((e) => {
            const r = e.getBoundingClientRect();
            return r.left < c.x || r.top < c.y || r.right > c.x + c.width || r.bottom > c.y + c.height;
          })
          .map((e) => e.textContent),
      canvas,
    );
    expect(outside).toEqual([]);
    // Each ward says how many of its beds are occupied, and the wards' beds add up to the tile's "all N beds".
    const wards = await page.locator(`${shown}.ward`).allTextContents();
    const beds = wards.map((w) => Number(/(?:^|: )\d+(?: of |\/)(\d+) beds/.exec(w)?.[1] ?? NaN));
    expect(beds.every(Number.isFinite), wards.join(' | ')).toBe(true);
    const tileBeds = Number(/all (\d+) beds/.exec((await page.textContent('[data-testid="kpi-beds.occupancy"] .kpi-note')) ?? '')![1]);
    expect(beds.reduce((a, b) => a + b, 0)).toBe(tileBeds);
    // Every waiting line has room for its count, in type of at least 11 px.
    const badges = page.locator(`${scene} .plan-label.badge`);
    expect(await badges.count()).toBeGreaterThan(0);
    expect(await page.locator(`${scene} .plan-label.badge[data-placed=false]`).count()).toBe(0);
    const sizes = await badges.evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    // At a week a second the scene draws fewer pixels while it plays, and all of them again once paused.
    const speed = await page.inputValue('[data-testid=speed]');
    const pixels = (): Promise<number> =>
      page.evaluate((s) => {
        const c = document.querySelector(`${s} canvas`) as HTMLCanvasElement;
        return c.width / c.clientWidth;
      }, scene);
    expect(await pixels()).toBeGreaterThanOrEqual(1);
    await page.selectOption('[data-testid=speed]', { label: '1 week/s' });
    await page.click('[data-testid=play]');
    await expect.poll(pixels).toBeLessThan(0.7);
    await page.click('[data-testid=play]');
    await expect.poll(pixels).toBeGreaterThanOrEqual(1);
    await page.selectOption('[data-testid=speed]', speed);
  }, 60_000);

  it('draws no frame for 2 s while the replay is paused, and draws while it plays', async () => {
    await countDrawCalls(page);
    await page.waitForTimeout(300);
    const before = await drawCalls(page);
    await page.waitForTimeout(2000);
    expect((await drawCalls(page)) - before).toBe(0);
    await page.click('[data-testid=play]');
    await page.waitForTimeout(600);
    await page.click('[data-testid=play]');
    expect((await drawCalls(page)) - before).toBeGreaterThan(0);
  }, 30_000);

  it('says each tile\'s unit and period, charts the tile\'s bed occupancy with the warm-up marked, keeps labels apart, and ends on "day N of N"', async () => {
    const note = async (id: string): Promise<string> => (await page.textContent(`[data-testid="kpi-${id}"] .kpi-note`)) ?? '';
    expect(await note('ed.waiting')).toBe('average number waiting');
    expect(await note('cost.total')).toMatch(/over [\d,]+ days|over a year/);
    expect(await note('cancellations.elective')).toMatch(/^operations cancelled, over/);
    // A count is a whole number ("2", not "2.3").
    expect(await page.textContent('[data-testid="kpi-cancellations.elective"] .kpi-value')).toMatch(/^[\d,]+$/);
    // The tile's bed occupancy is the chart's "all N beds" line, whose chart shades the warm-up.
    const beds = /all (\d+) beds/.exec(await note('beds.occupancy'))![1]!;
    expect(await page.textContent('[data-testid=chart-occupancy] figcaption')).toContain(`all ${beds} beds`);
    expect(await page.locator('[data-testid=chart-occupancy] [data-testid=chart-warmup]').count()).toBe(1);
    expect(await overlapping(page, '[data-testid=chart-occupancy] text.ref')).toEqual([]);
    expect(await overlapping(page, '.ticks .tick-label')).toEqual([]);
    // The figures table starts in view, above the timeline; ids are in tooltips, not in the rows.
    const firstRow = (await page.locator('[data-testid=figures] tbody tr').nth(1).boundingBox())!;
    expect(firstRow.y + firstRow.height).toBeLessThanOrEqual((await page.locator('[data-testid=timeline]').boundingBox())!.y);
    expect(firstRow.y + firstRow.height).toBeLessThanOrEqual(size.height); // not below the fold ("near y=590" at 1280×720)
    expect(await page.locator('[data-testid=figures] .fid').count()).toBe(0);
    await page.fill('[data-testid=figure-search]', 'cost per patient');
    await expect.poll(() => page.locator('[data-testid=figures] tr[data-testid^="figure-"]').count()).toBe(1);
    expect(await page.getAttribute('[data-testid="figure-cost.perPatient"] td.label', 'title')).toContain('cost.perPatient');
    await page.fill('[data-testid=figure-search]', '');
    // The replay's last instant is on its last day.
    await page.focus('[data-testid=scrubber]');
    await page.keyboard.press('End');
    expect(await page.textContent('[data-testid=clock]')).toMatch(/day (\d+) of \1$/);
    await shot('3-end');
    await page.keyboard.press('Home');
  }, 60_000);

  it('compares two scenarios and leads with a verdict sentence; back on the run, the replay spans the whole run', async () => {
    const runEnd = await page.getAttribute('[data-testid=scrubber]', 'max');
    // The run's scene is kept while the comparison is shown (no new WebGL context on the way back).
    await page.evaluate(() => ((document.querySelector('[data-testid=scene-view-0] canvas') as HTMLCanvasElement & { kept?: boolean }).kept = true));
    await page.click('[data-testid=tab-compare]');
    expect(await page.getAttribute('[data-testid=tab-compare]', 'aria-selected')).toBe('true');
    await page.selectOption('[data-testid=compare-a]', 'builtin:general-hospital');
    await page.selectOption('[data-testid=compare-b]', 'builtin:flu-season-more-staff');
    // A shorter comparison than the run, so a timeline left at its length would cut the run short.
    await page.fill('[data-testid=compare-days]', '22');
    await page.click('[data-testid=compare-run]');
    const sentence = page.locator('[data-testid=verdict-sentence]');
    await sentence.waitFor({ timeout: 150_000 });
    const text = (await sentence.textContent()) ?? '';
    expect(text).toMatch(/^B (costs [\d,]+ (more|less) over 22 days \([+-]?[\d,.]+ per patient\)|'s total cost does not differ significantly)/);
    expect(text).toMatch(/4-hour performance/);
    expect(text.endsWith('.')).toBe(true);
    expect(await negativeBoundsShown(page)).toEqual([]);
    expect(await overlapping(page, '.ticks .tick-label')).toEqual([]);
    await shot('2-compare');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.click('[data-testid=tab-run]');
    expect(await page.getAttribute('[data-testid=scrubber]', 'max')).toBe(runEnd);
    expect(await page.evaluate(() => (document.querySelector('[data-testid=scene-view-0] canvas') as HTMLCanvasElement & { kept?: boolean }).kept)).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('edits imaging hours inside the left panel; a time typed wrong then put back leaves no change', async () => {
    await page.click('[data-testid=edit-start]');
    await page.click('[data-testid=edit-panel] summary:has-text("Imaging opening hours")');
    const panel = (await page.locator('aside.left').boundingBox())!;
    const outside = await page
      .locator('[data-testid=edit-panel] input')
      .evaluateAll((els, right) => els.filter((e) => e.getBoundingClientRect().right > right).map((e) => e.getAttribute('aria-label')), panel.x + panel.width);
    expect(outside).toEqual([]);
    const open = page.locator('[data-testid^=edit-open-]').first();
    const original = await open.inputValue();
    await open.fill('25:99');
    await open.press('Enter');
    await expect.poll(() => page.locator('[data-testid=edit-changes] li').count()).toBe(1);
    await open.fill(original);
    await open.press('Enter');
    await expect.poll(() => page.locator('[data-testid=edit-changes]').count()).toBe(0);
    await page.click('[data-testid=edit-panel] >> text=Close');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
