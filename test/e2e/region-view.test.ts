/**
 * The region view of a network run: load examples/network/referral.json,
 * quick-run it, and at a moment when a referred patient is on the road see
 * the ambulance on the map and each site's beds in words, both as the same
 * run (replication 1, seed 1) computed here says; a click on a site opens its
 * 3D scene, Enter on another site opens that one; the scene's title never
 * lies under its "Snapshot … → Today" button, and the legend names the classes
 * as people read them. axe-core (no serious or critical problem) and
 * screenshots at 1280×720 and 1920×1080: one browser, one page load, the window
 * resized between the two.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../scenarios/index.js';
import { chromiumAvailable } from '../../viewer/node/chromium.js';
import { buildRegionModel, tripsAt, valueAt } from '../../viewer/src/region/region-model.js';
import { runScenario } from '../../workers/index.js';
import { ARTIFACTS, useViewer } from './open-viewer.js';
import { seriousAxeViolations } from './page-checks.js';

/** The boxes of the scene's title and of its snapshot button, which must not overlap (nor be missing). */
async function titleAndButtonOverlap(page: Page): Promise<boolean> {
  const title = await page.locator('[data-testid=scene-view-0] .scene-title').boundingBox();
  const button = await page.locator('[data-testid=snapshot-of-replay]').boundingBox();
  expect(title).not.toBeNull();
  expect(button).not.toBeNull();
  const a = title!;
  const b = button!;
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const NETWORK = fileURLToPath(new URL('../../examples/network/referral.json', import.meta.url));

describe.skipIf(!chromiumAvailable())('the region view of a network run', () => {
  let page: Page;
  let pageErrors: string[] = [];
  useViewer((viewer) => ({ page, pageErrors } = viewer), { width: 1280, height: 720 });

  it('shows the sites to scale, the ambulances on the road and each site in words; a site opens its 3D scene', async () => {
    await page.setInputFiles('[data-testid=scenario-file]', NETWORK);
    await page.click('[data-testid=quick-run]');
    await page.waitForSelector('[data-testid=run-status] >> text=/Run \\d+ finished/', { timeout: 180_000 });
    await page.waitForSelector('[data-testid=region-view]');

    // The same replication here: Quick run keeps the scenario's seed and runs 14 days after its 5-day warm-up.
    const full = parseScenarioText(await readFile(NETWORK, 'utf8'), 'referral.json', 'json');
    const scenario = { ...full, horizonDays: 14 };
    const model = buildRegionModel(scenario, (await runScenario(scenario, { replications: 1, trace: true })).trace!);
    const trip = model.trips.find((x) => x.start > 5 * 1440 && Number.isFinite(x.end))!;
    const t = Math.round((trip.start + trip.end) / 2);
    await page.locator('[data-testid=scrubber]').fill(String(t));
    await expect.poll(() => page.locator('[data-testid=region-ambulance]').count(), { timeout: 10_000 }).toBe(tripsAt(model, t).length);
    expect(await page.textContent('[data-testid=region-road-count]')).toContain(`${tripsAt(model, t).length} patient`);
    for (const [site, id, units] of [
      [0, 'east', 6],
      [1, 'tertiary', 45],
    ] as const) {
      const r = model.resources[site]![0]!;
      expect(await page.textContent(`[data-testid=region-resource-${id}-bed]`)).toBe(
        `bed: ${valueAt(r.inUse, t)} of ${units} in use, ${valueAt(r.waiting, t)} waiting`,
      );
    }
    // Distances to scale: the one road is labelled with its length and mean time (triangular 35/40/60).
    expect(await page.textContent('[data-testid=region-map]')).toContain('40 km, about 45 min by road');

    // A click on a site opens its 3D scene; Enter on the other opens that one.
    await page.click('[data-testid=region-site-east]');
    await page.waitForSelector('[data-testid=scene-view-0] .scene-title >> text=/East county/');
    expect(await page.getAttribute('[data-testid=region-site-east]', 'aria-pressed')).toBe('true');
    await page.focus('[data-testid=region-site-tertiary]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=scene-view-0] .scene-title >> text=/Tertiary hospital/');
    await page.waitForSelector('[data-testid=scene-view-0] canvas');
    await page.waitForTimeout(1500);

    expect(await titleAndButtonOverlap(page)).toBe(false);
    // The legend names the classes as people read them (the site's name and the class's), not by their ids.
    const legend = (await page.textContent('[data-testid=legend]'))!;
    expect(legend).toContain('Tertiary hospital: patient');
    expect(legend).not.toContain('tertiary_patient');

    expect(await seriousAxeViolations(page)).toEqual([]);
    // docs/region-1280x720.png is this one.
    await page.screenshot({ path: `${ARTIFACTS}/region-1280x720.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-testid=region-site-east]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=region-card-tertiary]').isVisible()).toBe(true);
    expect(await titleAndButtonOverlap(page)).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/region-1920x1080.png` });
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
